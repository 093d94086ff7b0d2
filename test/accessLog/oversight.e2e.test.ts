import { PERSONAS } from '../../demo/identity/personas';
import { SHOWCASE } from '../../demo/showcase';
import { AGENCY_NAMES } from '../../platform/agencies';
import type { GraphQLResponse, QueryOptions } from '../support/testFederation';
import {
  AUDITOR,
  CASEWORKER,
  ENTRY,
  type Entry,
  expectNewestFirst,
  MARI,
  type Page,
  useAccessLogTest,
} from './support/accessLogTest';

const test = useAccessLogTest(2345);
const CASEWORKER_ID = PERSONAS.caseworker.claims.sub;

const SEARCH = `query ($filter: AccessLogFilter!, $first: Int, $after: String) {
  accessLogSearch(filter: $filter, first: $first, after: $after) {
    results { nodes { ${ENTRY} callerSubject subject } pageInfo { endCursor hasNextPage } missingAgencies }
  } }`;

/** Every record an oversight search finds, page by page, each page a request of its own id. */
async function searchAll(
  filter: Record<string, unknown>,
  first = 100,
): Promise<{ entries: Entry[]; pages: number; requestIds: string[] }> {
  const entries: Entry[] = [];
  const requestIds: string[] = [];
  let after: string | null = null;
  for (let pages = 1; ; pages += 1) {
    const response: GraphQLResponse<{ accessLogSearch: { results: Page } }> =
      await test.federation.query(SEARCH, {
        ...AUDITOR,
        variables: { filter, first, after },
      });
    expect(response.body.errors).toBeUndefined();
    requestIds.push(response.headers.get('x-request-id')!);
    const results: Page = response.body.data!.accessLogSearch.results;
    expect(results.missingAgencies).toEqual([]);
    entries.push(...results.nodes);
    if (!results.pageInfo.hasNextPage) return { entries, pages, requestIds };
    after = results.pageInfo.endCursor;
  }
}

describe("the inspectorate's oversight of every agency's access log, through the gateway", () => {
  it('finds the accesses of one case with every detail: who, about whom, for what', async () => {
    const { entries } = await searchAll({ caseId: test.caseId, purpose: 'benefit-eligibility' });
    expectNewestFirst(entries);
    expect(entries).toEqual(
      expect.arrayContaining(
        test.caseworkerRead.map((entry) => ({
          ...entry,
          accessedAt: expect.any(String),
          callerSubject: CASEWORKER_ID,
          subject: SHOWCASE.nationalId,
        })),
      ),
    );
    expect(entries).toHaveLength(2);
  });

  it('pages across agencies', async () => {
    const { entries, pages } = await searchAll({ requestId: test.caseworkerRead[0]!.requestId }, 1);
    expect(pages).toBe(2);
    expect(entries.map((e) => e.agency).sort()).toEqual(['population', 'tax']);
  });

  it("finds a caseworker's accesses made without a case reference", async () => {
    const uncased = await test.read(
      `{ person(nationalId: "${test.quiet}") { familyName } }`,
      CASEWORKER,
    );
    const { entries } = await searchAll({
      organisation: 'social-insurance',
      callerSubject: CASEWORKER_ID,
      withoutCaseId: true,
      from: test.startedAt,
    });
    expect(entries.every((e) => e.caseId === null && e.callerSubject === CASEWORKER_ID)).toBe(true);
    expect(entries.filter((e) => e.requestId === uncased)).toEqual([
      expect.objectContaining({
        agency: 'population',
        subject: test.quiet,
        fields: ['Person.familyName'],
      }),
    ]);
    expect(entries.map((e) => e.requestId)).not.toContain(test.caseworkerRead[0]!.requestId);
  });

  it('is refused to everyone else, with one error', async () => {
    const others: QueryOptions[] = [CASEWORKER, MARI, { persona: 'public' }];
    for (const as of others) {
      const { body } = await test.federation.query(SEARCH, {
        ...as,
        variables: { filter: { caseId: test.caseId } },
      });
      expect(body.data).toEqual({ accessLogSearch: null });
      expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it('refuses a filter it cannot run, naming the problem', async () => {
    const { body } = await test.federation.query(SEARCH, {
      ...AUDITOR,
      variables: { filter: { subject: 'somebody' } },
    });
    expect(body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('subject must be an 11-digit national ID'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('records none of its own reads', async () => {
    const { requestIds } = await searchAll(
      { subject: SHOWCASE.nationalId, from: test.startedAt },
      1,
    );
    for (const agency of AGENCY_NAMES) {
      const [{ n }] = await test
        .db(`${agency}.access_log`)
        .whereIn('request_id', requestIds)
        .count<{ n: number }[]>({ n: '*' });
      expect({ agency, records: Number(n) }).toEqual({ agency, records: 0 });
    }
  });
});
