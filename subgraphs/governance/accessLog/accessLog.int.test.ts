import { randomBytes } from 'node:crypto';
import { decodeCriteria } from '../../../platform/accessLog/accessLogCriteria';
import { compareNewestFirst, positionOf } from '../../../platform/accessLog/accessPosition';
import { AccessLogReader } from '../../../platform/accessLog/AccessLogReader';
import {
  GRAPH_AGENCIES,
  searchFieldOf,
  trackerFieldOf,
} from '../../../platform/accessLog/accessLogFields';
import { AGENCY_NAMES } from '../../../platform/agencies';
import type { Caller } from '../../../platform/context/Caller';
import {
  type Asker,
  type GovernanceTestClient,
  startGovernanceTestClient,
  testCitizen,
} from '../testing/governanceTestClient';

// A person and an organisation code of this file's own; the agencies' lists are made up here,
// as the gateway would bring them, and the governance service's own log gets one record.
const ORG = `test-${randomBytes(4).toString('hex')}`;
let client: GovernanceTestClient;
let citizen: Caller & { kind: 'citizen' };
let ownRecordAt: string;

beforeAll(async () => {
  client = await startGovernanceTestClient();
  citizen = testCitizen() as Caller & { kind: 'citizen' };
  await client.db('governance.access_log').insert({
    request_id: `${ORG}-consents`,
    subject_id: citizen.subject,
    caller_kind: 'organisation',
    caller_subject: 'official-9',
    organisation: ORG,
    purpose: 'oversight',
    fields: ['Consent.status'],
  });
  const [own] = await new AccessLogReader(client.db, 'governance').search({
    filter: { subject: citizen.subject },
    after: null,
    limit: 1,
  });
  ownRecordAt = own!.accessedAt;
});
afterAll(() => client.stop());

/** A record as an agency serves it over the graph. */
function overTheGraph(accessedAt: string, sequence: number, more: Record<string, unknown> = {}) {
  return {
    accessedAt,
    organisation: ORG,
    callerKind: 'ORGANISATION',
    purpose: 'benefit-eligibility',
    caseId: `CASE-${sequence}`,
    fields: ['Person.givenName'],
    requestId: `${ORG}-${sequence}`,
    sequence: String(sequence),
    ...more,
  };
}
const before = (milliseconds: number) =>
  new Date(Date.parse(ownRecordAt) - milliseconds).toISOString();
const after = (milliseconds: number) =>
  new Date(Date.parse(ownRecordAt) + milliseconds).toISOString();

const PAGE_OF = `query ($representations: [_Any!]!, $first: Int, $after: String, $from: DateTime, $to: DateTime) {
  _entities(representations: $representations) { ... on Person {
    dataAccessLog(first: $first, after: $after, from: $from, to: $to) { criteria }
  } }
}`;
const MERGED = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on DataTrackerPage {
    nodes { agency organisation caseId requestId } pageInfo { endCursor hasNextPage } missingAgencies
  } } }`;
const lists = () => ({
  tax: [overTheGraph(after(20), 8), overTheGraph(before(20), 7)],
  population: [overTheGraph(after(10), 41)],
});

/** The records each agency would find for a page: those of `lists` inside its window. */
function found(criteria: string, given: Partial<Record<string, unknown[] | null>>) {
  const { filter, after: position, limit } = decodeCriteria(criteria);
  return Object.fromEntries(
    GRAPH_AGENCIES.map((agency) => {
      const records = agency in given ? given[agency] : [];
      if (records === null || records === undefined) return [trackerFieldOf(agency), null];
      const inWindow = (records as ReturnType<typeof overTheGraph>[])
        .filter(
          (r) =>
            (filter.from === undefined || r.accessedAt >= filter.from) &&
            (filter.to === undefined || r.accessedAt < filter.to) &&
            (position === null || compareNewestFirst(positionOf({ ...r, agency }), position) > 0),
        )
        .slice(0, limit);
      return [trackerFieldOf(agency), inWindow];
    }),
  );
}

/**
 * Asks for a tracker page as the gateway would: the page's key from the person, then the page
 * merged from what every agency found for that key.
 */
async function tracker(
  variables: Record<string, unknown>,
  as: Asker = citizen,
  given: Partial<Record<string, unknown[] | null>> = lists(),
) {
  const keyed = await client.execute(PAGE_OF, {
    as,
    variables: { representations: [{ __typename: 'Person', id: citizen.subject }], ...variables },
  });
  const page = (
    keyed.data as { _entities: ({ dataAccessLog: { criteria: string } | null } | null)[] } | null
  )?._entities[0]?.dataAccessLog;
  if (!page) return { data: null, errors: keyed.errors };
  const merged = await client.execute(MERGED, {
    as,
    variables: {
      representations: [
        { __typename: 'DataTrackerPage', criteria: page.criteria, ...found(page.criteria, given) },
      ],
    },
  });
  return { data: merged.data, errors: merged.errors };
}
interface Tracker {
  _entities: {
    nodes: { requestId: string }[];
    pageInfo: { endCursor: string; hasNextPage: boolean };
    missingAgencies: string[];
  }[];
}
const requestIds = (data: unknown) =>
  (data as unknown as Tracker)._entities[0]!.nodes.map((n) => n.requestId.slice(ORG.length + 1));

describe("a person's data tracker", () => {
  it("merges every agency's records and the service's own, newest first", async () => {
    const { data, errors } = await tracker({ first: 10 });
    expect(errors).toBeUndefined();
    expect((data as unknown as Tracker)._entities[0]).toEqual({
      nodes: [
        { agency: 'tax', organisation: ORG, caseId: 'CASE-8', requestId: `${ORG}-8` },
        { agency: 'population', organisation: ORG, caseId: 'CASE-41', requestId: `${ORG}-41` },
        { agency: 'governance', organisation: ORG, caseId: null, requestId: `${ORG}-consents` },
        { agency: 'tax', organisation: ORG, caseId: 'CASE-7', requestId: `${ORG}-7` },
      ],
      pageInfo: { endCursor: expect.any(String), hasNextPage: false },
      missingAgencies: [],
    });
  });

  it('pages, and keeps the records from one instant until another', async () => {
    const first = await tracker({ first: 3 });
    expect(requestIds(first.data)).toEqual(['8', '41', 'consents']);
    const { pageInfo } = (first.data as unknown as Tracker)._entities[0]!;
    expect(pageInfo.hasNextPage).toBe(true);
    expect(requestIds((await tracker({ first: 3, after: pageInfo.endCursor })).data)).toEqual([
      '7',
    ]);
    expect(requestIds((await tracker({ from: ownRecordAt, to: after(20) })).data)).toEqual([
      '41',
      'consents',
    ]);
  });

  it('names the agencies whose records could not be read', async () => {
    const { data } = await tracker({}, citizen, { ...lists(), health: null });
    expect((data as unknown as Tracker)._entities[0]!.missingAgencies).toEqual(['health']);
  });

  it('is shown to the person alone', async () => {
    for (const as of ['citizen', 'caseworker', 'auditor', 'public'] as const) {
      const { data, errors } = await client.execute(PAGE_OF, {
        as: as === 'citizen' ? testCitizen(citizen) : as,
        variables: { representations: [{ __typename: 'Person', id: citizen.subject }] },
      });
      expect(data).toEqual({ _entities: [{ dataAccessLog: null }] });
      expect(errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('merges a page only for the person it is about, whoever names it in a key', async () => {
    const keyed = await tracker({ first: 2 });
    expect(keyed.errors).toBeUndefined();
    const criteria = JSON.stringify({
      filter: { subject: citizen.subject },
      after: null,
      limit: 3,
    });
    for (const as of [testCitizen(citizen), 'caseworker', 'public'] as const) {
      const { data, errors } = await client.execute(MERGED, {
        as,
        variables: {
          representations: [
            { __typename: 'DataTrackerPage', criteria, ...found(criteria, lists()) },
          ],
        },
      });
      expect(data).toEqual({ _entities: [{ nodes: null, pageInfo: null, missingAgencies: null }] });
      expect(new Set(errors?.map((e) => e.extensions.code))).toEqual(new Set(['FORBIDDEN']));
    }
  });

  it('refuses pages it cannot give', async () => {
    for (const variables of [
      { from: ownRecordAt, to: ownRecordAt },
      { first: 501 },
      { after: 'somewhere' },
    ]) {
      const { errors } = await tracker(variables);
      expect(errors?.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});

const SEARCH = `query ($filter: AccessLogFilter!, $first: Int) { accessLogSearch(filter: $filter, first: $first) { criteria } }`;
const RESULTS = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on AccessLogSearch { results { nodes { agency subject callerSubject requestId } pageInfo { hasNextPage } missingAgencies } }
} }`;

describe('an oversight search', () => {
  const AUDITOR = { as: 'auditor', purpose: 'oversight' } as const;

  it('is keyed by its criteria, with the window of the page asked for', async () => {
    const { accessLogSearch } = await client.data<{ accessLogSearch: { criteria: string } }>(
      SEARCH,
      {
        ...AUDITOR,
        variables: {
          filter: { organisation: ORG, withoutCaseId: true, from: ownRecordAt },
          first: 2,
        },
      },
    );
    expect(decodeCriteria(accessLogSearch.criteria)).toEqual({
      filter: { organisation: ORG, withoutCaseId: true, from: ownRecordAt },
      after: null,
      limit: 3,
    });
  });

  it("merges what every agency found with the service's own records", async () => {
    const { accessLogSearch } = await client.data<{ accessLogSearch: { criteria: string } }>(
      SEARCH,
      {
        ...AUDITOR,
        variables: { filter: { organisation: ORG }, first: 2 },
      },
    );
    const found = overTheGraph(after(5), 3, {
      subject: '48507120002',
      callerSubject: 'official-1',
    });
    const search = {
      __typename: 'AccessLogSearch',
      criteria: accessLogSearch.criteria,
      ...Object.fromEntries(
        GRAPH_AGENCIES.map((a) => [searchFieldOf(a), a === 'social' ? [found] : []]),
      ),
    };
    const results = await client.data(RESULTS, {
      ...AUDITOR,
      variables: { representations: [search] },
    });
    expect(results).toEqual({
      _entities: [
        {
          results: {
            nodes: [
              {
                agency: 'social',
                subject: '48507120002',
                callerSubject: 'official-1',
                requestId: `${ORG}-3`,
              },
              {
                agency: 'governance',
                subject: citizen.subject,
                callerSubject: 'official-9',
                requestId: `${ORG}-consents`,
              },
            ],
            pageInfo: { hasNextPage: false },
            missingAgencies: [],
          },
        },
      ],
    });
  });

  it('names every problem with a filter at once', async () => {
    const { errors } = await client.execute(SEARCH, {
      ...AUDITOR,
      variables: {
        filter: {
          subject: '12345678901',
          agency: 'weather',
          caseId: 'C-1',
          withoutCaseId: true,
          from: '2026-02-01T00:00:00Z',
          to: '2026-01-01T00:00:00Z',
        },
      },
    });
    expect(errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      problems: [
        'subject must be an 11-digit national ID with a valid check digit',
        // Every agency of the registry, a generated one included.
        `agency must be one of ${AGENCY_NAMES.join(', ')}`,
        'withoutCaseId: true and a caseId cannot both hold',
        'from must be before to',
      ],
    });
  });

  it('is run for the inspectorate alone', async () => {
    for (const as of ['citizen', 'caseworker', 'steward'] as const) {
      const { data, errors } = await client.execute(SEARCH, {
        as,
        purpose: as === 'caseworker' ? 'benefit-eligibility' : undefined,
        variables: { filter: { organisation: ORG } },
      });
      expect(data).toEqual({ accessLogSearch: null });
      expect(errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });
});
