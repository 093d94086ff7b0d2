import { countSubgraphRequests, type RequestCounter } from '../support/countSubgraphRequests';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import { CORPUS } from './corpus';
import { replayCase, unexpectedAnswer } from './replayCase';

let federation: TestFederation;
let subgraphRequests: RequestCounter;
let agreementsBefore: unknown;

/** Organisations other test files register for themselves while this one runs (testOrganisation.ts). */
const TEST_ORGANISATION = /^[a-z]+-[0-9a-f]{8}$/;

/**
 * The agreements register and the consents, which no case may change. Agreements of the
 * organisations other test files register meanwhile, on the same database, are left out: none
 * of the corpus's callers could make an agreement for one of them.
 */
async function governanceState() {
  const agreements = await federation.query('{ agreements { id status version consumer } }');
  const consents = await federation.query('{ myConsents { id } }', { persona: 'citizen' });
  expect(agreements.body.errors).toBeUndefined();
  expect(consents.body.errors).toBeUndefined();
  const register = (agreements.body.data as { agreements: { consumer: string }[] }).agreements;
  return {
    agreements: register.filter(({ consumer }) => !TEST_ORGANISATION.test(consumer)),
    consents: consents.body.data,
  };
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
