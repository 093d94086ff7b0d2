import { postGraphQL } from './testing/postGraphQL';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const subgraphCalls = () => federation.population.requests.length + federation.tax.requests.length;

// The test graph has queries only.
test.each(['subscription', 'mutation'])(
  'a %s, which the graph does not have, is refused while validating',
  async (operation) => {
    const before = subgraphCalls();
    const response = await postGraphQL(federation.graphqlUrl, {
      query: `${operation} { thing(id: "1") { name } }`,
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({
        message: `The graph has no ${operation} operations.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
    expect(subgraphCalls()).toBe(before);
  },
);

test('a query is answered as before', async () => {
  const response = await postGraphQL(federation.graphqlUrl, {
    query: '{ thing(id: "1") { name } }',
  });
  expect(response.body).toEqual({
    data: { thing: { name: 'First thing' } },
    extensions: expect.anything(),
  });
});
