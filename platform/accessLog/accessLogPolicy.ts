import { type FieldRule, joinKey, type TypePolicy } from '../policy/fieldPolicy';
import { type GraphAgency, searchFieldOf, trackerFieldOf } from './accessLogFields';

/**
 * Access records are personal data about the person they name, released to that person
 * (their data tracker) or under an agreement (supervision); reading them is not recorded
 * again, or every look at the log would add to it.
 */
export const auditTrail: FieldRule = { classification: 'personal', auditTrail: true };

/** A link to a person's own access records (their tracker): the records are about that person. */
export const personAccessLog: FieldRule = { ...auditTrail, leadsTo: 'same-subject' };

/**
 * Who at an organisation consulted the data is not part of the person's right of access
 * (CJEU C-579/21): only an agreement (supervision) releases it, never "own data".
 */
const staffOfRecipient: FieldRule = { classification: 'internal', auditTrail: true };

/** The rule of every field of `AccessRecord`, whose subject is the person it names. */
export const ACCESS_RECORD_POLICY: TypePolicy = {
  subject: { property: 'subjectId' },
  fields: {
    accessedAt: auditTrail,
    agency: auditTrail,
    organisation: auditTrail,
    callerKind: auditTrail,
    callerSubject: staffOfRecipient,
    subject: auditTrail,
    purpose: auditTrail,
    caseId: auditTrail,
    fields: auditTrail,
    requestId: auditTrail,
    sequence: auditTrail,
  },
};

/** The access-log types every agency serves (see agencyAccessLog.ts). */
export function accessLogTypes(agency: GraphAgency): Record<string, TypePolicy> {
  return {
    AccessRecord: ACCESS_RECORD_POLICY,
    DataTrackerPage: {
      subject: { property: 'subjectId' },
      fields: { criteria: joinKey, [trackerFieldOf(agency)]: personAccessLog },
    },
    AccessLogSearch: {
      subject: 'none',
      fields: { criteria: joinKey, [searchFieldOf(agency)]: auditTrail },
    },
  };
}
