import { newGatewayTokenSecret } from '../../platform/identity/gatewayTokenKeys';
import { createGateway, GRAPHQL_PATH } from '../createGateway';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { describeIdentity } from '../testing/testSubgraphs';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const OFFICER = { sub: '38001085718', org: 'tax-board', roles: ['tax-officer'] };
const CASEWORKER = { sub: '47902140990', org: 'social-insurance', roles: ['caseworker'] };

async function bearer(claims: Record<string, unknown>): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await federation.auth.tokenFor(claims)}` };
}

const query = (text: string, headers: Record<string, string> = {}) =>
  postGraphQL(federation.graphqlUrl, { query: text }, headers);

/** Subgraph requests admitted while `work` runs. */
async function callsDuring(work: () => Promise<unknown>) {
  const before = {
    population: federation.population.requests.length,
    tax: federation.tax.requests.length,
  };
  await work();
  return {
    population: federation.population.requests.slice(before.population),
    tax: federation.tax.requests.slice(before.tax),
  };
}

test('root and _entities calls each carry a token for their subgraph, and nothing internal', async () => {
  const calls = await callsDuring(async () => {
    const response = await query('{ thing(id: "1") { name taxViewer } }', {
      ...(await bearer(OFFICER)),
      'x-purpose': 'tax-audit',
    });
    expect(response.body.data).toEqual({
      thing: { name: 'First thing', taxViewer: 'organisation:38001085718:tax-board/tax-audit' },
    });
  });

  expect(calls.population).toHaveLength(1);
  expect(calls.tax).toHaveLength(1);
  for (const { headers, identity } of [...calls.population, ...calls.tax]) {
    expect(headers['x-gateway-token']).toEqual(expect.any(String));
    expect(Object.keys(headers).filter((name) => name.startsWith('x-govgraph'))).toEqual([]);
    expect(headers.authorization).toBeUndefined();
    expect(identity.caller).toEqual({
      kind: 'organisation',
      subject: '38001085718',
      organisation: 'tax-board',
      roles: ['tax-officer'],
    });
  }
});

describe('in-flight deduplication', () => {
  test('never gives one caller a subgraph response computed for another', async () => {
    const callers = [
      { claims: OFFICER, expected: 'organisation:38001085718:tax-board/-' },
      { claims: CASEWORKER, expected: 'organisation:47902140990:social-insurance/-' },
    ];
    const headers = await Promise.all(callers.map(({ claims }) => bearer(claims)));

    const calls = await callsDuring(async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => query('{ whoami(ms: 300) }', headers[i % 2])),
      );
      responses.forEach((response, i) =>
        expect(response.body.data).toEqual({ whoami: callers[i % 2]!.expected }),
      );
    });

    const subjects = calls.population.map(({ identity }) => describeIdentity(identity));
    expect(new Set(subjects)).toEqual(new Set(callers.map(({ expected }) => expected)));
    process.stderr.write(`two callers, 20 requests: ${calls.population.length} subgraph calls\n`);
  });

  test('keeps _entities calls of different callers apart too', async () => {
    const headers = [await bearer(OFFICER), await bearer(CASEWORKER)];
    const expected = [
      'organisation:38001085718:tax-board/-',
      'organisation:47902140990:social-insurance/-',
    ];

    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        query('{ thing(id: "2") { taxViewer } }', headers[i % 2]),
      ),
    );

    responses.forEach((response, i) =>
      expect(response.body.data).toEqual({ thing: { taxViewer: expected[i % 2] } }),
    );
  });

  test('keeps requests of one caller with different purposes apart', async () => {
    const token = await bearer(OFFICER);
    const purposes = ['tax-audit', 'debt-collection'];

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        query('{ whoami(ms: 300) }', { ...token, 'x-purpose': purposes[i % 2]! }),
      ),
    );

    responses.forEach((response, i) =>
      expect(response.body.data).toEqual({
        whoami: `organisation:38001085718:tax-board/${purposes[i % 2]}`,
      }),
    );
  });

  test('never merges identical requests of one signed-in caller: each is its own call', async () => {
    const token = await bearer(OFFICER);

    const calls = await callsDuring(() =>
      Promise.all(Array.from({ length: 20 }, () => query('{ whoami(ms: 300) }', token))),
    );

    process.stderr.write(`one caller, 20 requests: ${calls.population.length} subgraph calls\n`);
    expect(calls.population.length).toBe(20);
    expect(new Set(calls.population.map((call) => call.identity.requestId)).size).toBe(20);
  });

  test('still merges identical requests of the public, who is released no personal data', async () => {
    const calls = await callsDuring(() =>
      Promise.all(Array.from({ length: 20 }, () => query('{ whoami(ms: 300) }'))),
    );

    process.stderr.write(`the public, 20 requests: ${calls.population.length} subgraph calls\n`);
    expect(calls.population.length).toBeLessThan(20);
  });
});

test('a subgraph refusing the gateway token gives the client an internal error, logged', async () => {
  const gateway = await createGateway({
    supergraphPath: federation.supergraphPath,
    subgraphUrls: { population: federation.population.url, tax: federation.tax.url },
    logger: federation.log.logger,
    watch: false,
    identity: federation.auth.identity,
    // Another secret than the one the test subgraphs' keys are derived from.
    tokenSecret: newGatewayTokenSecret('test-gateway-1'),
  });
  try {
    const url = await gateway.listen(0, '127.0.0.1');
    const response = await postGraphQL(`${url}${GRAPHQL_PATH}`, {
      query: '{ thing(id: "1") { name } }',
    });

    const requestId = response.headers.get('x-request-id');
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      }),
    ]);
    expect(federation.log.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'a subgraph refused the gateway token; check its gateway-token key and the clocks',
        requestId,
        subgraph: 'population',
      }),
    );
  } finally {
    await gateway.stop();
  }
});
