import { SHOWCASE } from '../../demo/showcase';
import { AGENCY_NAMES } from '../../platform/agencies';
import type { Db } from '../../platform/db/createDb';
import { expectForbidden } from '../authorization/support/graphqlExpectations';
import { countStatements } from '../support/countStatements';
import type { QueryOptions } from '../support/testFederation';
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

const test = useAccessLogTest(1234);

const TRACKER = `query ($first: Int, $after: String, $from: DateTime, $to: DateTime) {
  me { dataAccessLog(first: $first, after: $after, from: $from, to: $to) {
    nodes { ${ENTRY} } pageInfo { endCursor hasNextPage } missingAgencies
  } } }`;

/** One page of a citizen's tracker. */
async function trackerPage(as: QueryOptions, variables: Record<string, unknown>): Promise<Page> {
  const { body } = await test.federation.query<{ me: { dataAccessLog: Page } }>(TRACKER, {
    ...as,
    variables,
  });
  expect(body.errors).toBeUndefined();
  return body.data!.me.dataAccessLog;
}

/** Every entry of a citizen's tracker since this file started, page by page. */
async function wholeTracker(as: QueryOptions): Promise<Entry[]> {
  const entries: Entry[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await trackerPage(as, { first: 100, after, from: test.startedAt });
    expect(page.missingAgencies).toEqual([]);
    entries.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return entries;
    after = page.pageInfo.endCursor;
  }
}

const ofCase = (entries: Entry[], caseId = test.caseId) =>
  entries.filter((e) => e.caseId === caseId);

describe("a citizen's data tracker, through the gateway", () => {
  it('shows the showcase person which organisation read which of her data, why, in which case and when', async () => {
    const entries = await wholeTracker(MARI);
    expectNewestFirst(entries);
    expect(ofCase(entries)).toEqual(
      expect.arrayContaining(
        test.caseworkerRead.map((entry) => ({ ...entry, accessedAt: expect.any(String) })),
      ),
    );
    expect(ofCase(entries)).toHaveLength(2);
  });

  it('does not show her partner what was read about her', async () => {
    const entries = await wholeTracker({ persona: 'citizen', subject: SHOWCASE.partnerId });
    expect(ofCase(entries)).toEqual([]);
  });

  it('is complete however the person is reached: the gateway brings every agency its records', async () => {
    const tracker = `dataAccessLog(first: 500, from: "${test.startedAt}") { nodes { agency caseId } missingAgencies }`;
    const paths: [string, (data: Record<string, never>) => unknown][] = [
      [`{ me { ${tracker} } }`, (d) => d.me],
      [`{ person(nationalId: "${SHOWCASE.nationalId}") { ${tracker} } }`, (d) => d.person],
      [
        `{ vehicle(registrationNumber: "${SHOWCASE.vehicleRegistration}") { owner { ${tracker} } } }`,
        (d) => (d.vehicle as { owner: unknown }).owner,
      ],
      [
        `{ company(registryCode: "${SHOWCASE.companyRegistryCode}") { boardMembers { ${tracker} } } }`,
        (d) => (d.company as { boardMembers: unknown[] }).boardMembers[0],
      ],
    ];
    for (const [query, personOf] of paths) {
      const { body } = await test.federation.query(query, MARI);
      expect(body.errors).toBeUndefined();
      const { dataAccessLog } = personOf(body.data as Record<string, never>) as {
        dataAccessLog: { nodes: Entry[]; missingAgencies: string[] };
      };
      expect(dataAccessLog.missingAgencies).toEqual([]);
      expect(
        ofCase(dataAccessLog.nodes)
          .map((e) => e.agency)
          .sort(),
      ).toEqual(['population', 'tax']);
    }
  });

  it('pages newest first and keeps the accesses from one instant until another', async () => {
    const since = new Date(Date.now() - 1).toISOString();
    const cases = [1, 2, 3].map((n) => `${test.caseId}-${n}`);
    for (const caseId of cases) {
      await test.read(`{ person(nationalId: "${test.quiet}") { givenName } }`, {
        ...CASEWORKER,
        caseId,
      });
    }
    const as = { persona: 'citizen', subject: test.quiet };
    const seen: (string | null)[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const page: Page = await trackerPage(as, { first: 1, after, from: since });
      expect(page.nodes.length).toBeLessThanOrEqual(1);
      seen.push(...page.nodes.map((e) => e.caseId));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen.filter((caseId) => cases.includes(caseId!))).toEqual([...cases].reverse());

    const all = (await trackerPage(as, { first: 100, from: since })).nodes;
    const second = all.find((e) => e.caseId === cases[1])!;
    const until = await trackerPage(as, { first: 100, from: since, to: second.accessedAt });
    const from = await trackerPage(as, { first: 100, from: second.accessedAt });
    expect(until.nodes.map((e) => e.caseId)).toContain(cases[0]);
    expect(until.nodes.map((e) => e.caseId)).not.toContain(cases[1]);
    expect(from.nodes.map((e) => e.caseId)).toEqual(expect.arrayContaining(cases.slice(1)));
    expect(from.nodes.map((e) => e.caseId)).not.toContain(cases[0]);
  });

  it('is refused to anyone but the person: a caseworker, her partner, the inspectorate', async () => {
    const query = `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName dataAccessLog { nodes { agency } } } }`;
    const caseworker = await test.federation.query(query, CASEWORKER);
    expectForbidden(caseworker, ['person', 'dataAccessLog']);
    expect(caseworker.body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    // Those who may not identify her are not even let look her up.
    for (const as of [AUDITOR, { persona: 'citizen', subject: SHOWCASE.partnerId }]) {
      const response = await test.federation.query(query, as);
      expectForbidden(response, ['person']);
      expect(response.body.errors!.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);
    }
  });

  it('names the organisation, not the official who read the data', async () => {
    const response = await test.federation.query(
      `{ me { dataAccessLog(first: 1, from: "${test.startedAt}") { nodes { organisation callerSubject } } } }`,
      MARI,
    );
    expectForbidden(response, ['me', 'dataAccessLog', 'nodes', 0, 'callerSubject']);
  });

  it('costs one statement per agency and writes nothing to any log', async () => {
    const databases = Object.fromEntries(
      AGENCY_NAMES.map((agency) => [agency, test.federation.subgraphs[agency].db]),
    ) as Record<(typeof AGENCY_NAMES)[number], Db>;
    let requestId = '';
    const statements = await countStatements(databases, async () => {
      requestId = await test.read(
        `{ me { dataAccessLog(first: 50) { nodes { ${ENTRY} } } } }`,
        MARI,
      );
    });
    // One each, and the population register also looks up the signed-in person for `me`.
    expect(statements).toEqual({
      ...Object.fromEntries(AGENCY_NAMES.map((agency) => [agency, 1])),
      population: 2,
    });
    for (const agency of AGENCY_NAMES) {
      const [{ n }] = await test
        .db(`${agency}.access_log`)
        .where({ request_id: requestId })
        .count<{ n: number }[]>({ n: '*' });
      expect({ agency, records: Number(n) }).toEqual({ agency, records: 0 });
    }
  });
});
