import { createGateway } from './createGateway';
import { SupergraphError } from './loadSupergraph';
import { postGraphQL } from './testing/postGraphQL';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const query = (text: string, headers?: Record<string, string>) =>
  postGraphQL(federation.graphqlUrl, { query: text }, headers);

test('a query spanning two subgraphs is answered through the overridden URLs', async () => {
  const response = await query('{ thing(id: "1") { id name taxNumber } }');

  expect(response.status).toBe(200);
  expect(response.body).toEqual({
    data: { thing: { id: '1', name: 'First thing', taxNumber: 'T-001' } },
    extensions: expect.any(Object),
  });
});

test('a malformed JSON body is refused with 400 and the gateway keeps serving', async () => {
  const response = await postGraphQL(federation.graphqlUrl, '{"query": ');

  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([
    { message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } },
  ]);
  expect((await query('{ thing(id: "2") { name } }')).body.data).toEqual({
    thing: { name: 'Second thing' },
  });
});

test('an unknown field fails validation at the gateway', async () => {
  const before = federation.population.requests.length;
  const response = await query('{ thing(id: "1") { nope } }');

  expect(response.status).toBe(400);
  expect(response.body.errors).toEqual([
    expect.objectContaining({
      message: 'Cannot query field "nope" on type "Thing". Did you mean "name"?',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }),
  ]);
  expect(federation.population.requests.length).toBe(before);
});

test('purpose, case and request id reach every subgraph the query touches, signed', async () => {
  const headers = {
    'x-purpose': 'benefit-review',
    'x-case-id': 'CASE-42',
    'x-request-id': 'req-abc-1',
  };
  const response = await query('{ thing(id: "1") { name taxNumber } }', headers);

  // The request id is the gateway's own; the client's is echoed as a correlation id only.
  const requestId = response.headers.get('x-request-id');
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(response.headers.get('x-correlation-id')).toBe('req-abc-1');
  for (const subgraph of [federation.population, federation.tax]) {
    const received = subgraph.requests.at(-1)!;
    expect(received.identity).toEqual({
      requestId,
      caller: { kind: 'public' },
      purpose: 'benefit-review',
      caseId: 'CASE-42',
    });
    // Subgraphs trust the token alone: the client's headers are not passed on.
    expect(received.headers['x-purpose']).toBeUndefined();
    expect(received.headers['x-case-id']).toBeUndefined();
    expect(received.headers['x-request-id']).toBeUndefined();
  }
});

test('two requests with the same client id get ids of their own', async () => {
  const headers = { 'x-request-id': 'same-id' };
  const [first, second] = await Promise.all([
    query('{ thing(id: "1") { name } }', headers),
    query('{ thing(id: "1") { name } }', headers),
  ]);
  expect(first.headers.get('x-request-id')).not.toBe(second.headers.get('x-request-id'));
});

test('a request without an id gets one, echoed to the client and signed for the subgraphs', async () => {
  const response = await query('{ thing(id: "1") { name taxNumber } }');
  const requestId = response.headers.get('x-request-id');

  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  expect(federation.population.requests.at(-1)?.identity.requestId).toBe(requestId);
  expect(federation.tax.requests.at(-1)?.identity).toMatchObject({ requestId, purpose: null });
});

test('the health check answers and unknown paths are 404', async () => {
  expect((await fetch(`${federation.baseUrl}/healthcheck`)).status).toBe(200);
  expect((await fetch(`${federation.baseUrl}/`)).status).toBe(404);
});

test('an override for a subgraph the supergraph does not have is reported', async () => {
  const gateway = await createGateway({
    supergraphPath: federation.supergraphPath,
    subgraphUrls: { health: 'http://health:4004/graphql' },
    logger: federation.log.logger,
    watch: false,
    identity: federation.auth.identity,
    tokenSecret: federation.auth.tokenSecret,
  });
  await gateway.stop();

  expect(federation.log.lines()).toContainEqual(
    expect.objectContaining({ level: 40, unknown: ['health'], subgraphs: ['population', 'tax'] }),
  );
});

test('a gateway does not start on a missing supergraph', async () => {
  await expect(
    createGateway({
      supergraphPath: '/nonexistent/supergraph.graphql',
      logger: federation.log.logger,
      identity: federation.auth.identity,
      tokenSecret: federation.auth.tokenSecret,
    }),
  ).rejects.toThrow(
    new SupergraphError(
      "cannot read the supergraph at /nonexistent/supergraph.graphql: ENOENT: no such file or directory, open '/nonexistent/supergraph.graphql'",
    ),
  );
});
