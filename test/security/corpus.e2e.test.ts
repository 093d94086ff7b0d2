import { countSubgraphRequests, type RequestCounter } from '../support/countSubgraphRequests';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { CORPUS } from './corpus';
import { replayCase, unexpectedAnswer } from './replayCase';

let federation: TestFederation;
let subgraphRequests: RequestCounter;
let agreementsBefore: unknown;

/** The agreements register and the consents, which no case may change. */
async function governanceState() {
  const agreements = await federation.query('{ agreements { id status version } }');
  const consents = await federation.query('{ myConsents { id } }', { persona: 'citizen' });
  expect(agreements.body.errors).toBeUndefined();
  expect(consents.body.errors).toBeUndefined();
  return { agreements: agreements.body.data, consents: consents.body.data };
}

beforeAll(async () => {
  federation = await startTestFederation();
  subgraphRequests = countSubgraphRequests(
    Object.values(federation.subgraphs).map(({ url }) => url),
  );
  agreementsBefore = await governanceState();
});
afterAll(async () => {
  subgraphRequests.stop();
  await federation.stop();
});

test('the corpus holds at least 100 cases, each named once', () => {
  const names = CORPUS.flatMap(({ cases }) => cases.map(({ name }) => name));
  expect(names.length).toBeGreaterThanOrEqual(100);
  expect(new Set(names).size).toBe(names.length);
});

describe.each(CORPUS.map((category) => [category.category, category] as const))(
  '%s',
  (_name, category) => {
    test.each(category.cases.map((hostile) => [hostile.name, hostile] as const))(
      '%s',
      async (_caseName, hostile) => {
        const before = subgraphRequests.count();
        const answer = await replayCase(federation.gatewayUrl, hostile);
        expect(unexpectedAnswer(hostile, answer)).toBeUndefined();
        // Refused at the gateway: before planning, so no subgraph heard of it.
        if (!hostile.reachesSubgraphs) expect(subgraphRequests.count() - before).toBe(0);
      },
    );
  },
);

describe('after the whole corpus', () => {
  test('the gateway still answers a normal query', async () => {
    const { body } = await federation.query(
      '{ person(nationalId: "48507120002") { familyName } }',
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expect(body).toMatchObject({ data: { person: { familyName: 'Tamm' } } });
    expect(body.errors).toBeUndefined();
  });
  test('no agreement and no consent changed', async () => {
    expect(await governanceState()).toEqual(agreementsBefore);
  });
});
