import {
  type GraphAgency,
  GRAPH_AGENCIES,
  searchFieldOf,
  trackerFieldOf,
} from '../../../platform/accessLog/accessLogFields';
import {
  ACCESS_RECORD_POLICY,
  auditTrail,
  personAccessLog,
} from '../../../platform/accessLog/accessLogPolicy';
import { type FieldRule, joinKey, type TypePolicy } from '../../../platform/policy/fieldPolicy';

const eachAgency = (fieldOf: (agency: GraphAgency) => string) =>
  Object.fromEntries(GRAPH_AGENCIES.map((agency) => [fieldOf(agency), auditTrail]));

/**
 * The search is not about a person and not open: only an agreement (supervision) lets an
 * organisation run one. Its results are the records' personal data.
 */
export const accessLogSearchEntry: FieldRule = { classification: 'internal' };

/**
 * The data tracker and oversight searches: a person's tracker is their own data; everything
 * else needs an agreement; nothing here is recorded again when read.
 */
export const governanceAccessLogTypes: Record<string, TypePolicy> = {
  Person: {
    subject: { property: 'nationalId' },
    fields: { id: joinKey, dataAccessLog: personAccessLog },
  },
  DataTrackerPage: {
    subject: { property: 'subjectId' },
    fields: {
      criteria: joinKey,
      nodes: personAccessLog,
      pageInfo: auditTrail,
      missingAgencies: auditTrail,
      ...eachAgency(trackerFieldOf),
    },
  },
  AccessLogSearch: {
    subject: 'none',
    fields: { criteria: joinKey, results: auditTrail, ...eachAgency(searchFieldOf) },
  },
  AccessRecord: ACCESS_RECORD_POLICY,
  AccessRecordConnection: {
    subject: 'none',
    fields: { nodes: 'public', pageInfo: 'public', missingAgencies: 'public' },
  },
  PageInfo: { subject: 'none', fields: { endCursor: 'public', hasNextPage: 'public' } },
};
