import { postGraphQL } from './testing/postGraphQL';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

const query = (text: string) => postGraphQL(federation.graphqlUrl, { query: text });

test("every subgraph's dataUse is concatenated into the response's extensions", async () => {
  const response = await query(
    '{ first: thing(id: "1") { name taxNumber } second: thing(id: "2") { name } }',
  );

  expect(response.body.extensions?.dataUse).toEqual(
    expect.arrayContaining([
      { subgraph: 'population', field: 'Thing.name', id: '1' },
      { subgraph: 'population', field: 'Thing.name', id: '2' },
      { subgraph: 'tax', field: 'Thing.taxNumber', id: '1' },
    ]),
  );
  expect(response.body.extensions?.dataUse).toHaveLength(3);
});

test('extensions not asked for stay behind', async () => {
  const response = await query('{ thing(id: "1") { name } }');

  expect(Object.keys(response.body.extensions ?? {})).toEqual(['dataUse']);
});

test('a response for which no subgraph reported anything has no extensions', async () => {
  const response = await query('{ thing(id: "1") { id } }');

  expect(response.body).toEqual({ data: { thing: { id: '1' } } });
});

test('values do not leak between concurrent requests', async () => {
  const [one, two] = await Promise.all([
    query('{ thing(id: "1") { name } }'),
    query('{ thing(id: "2") { taxNumber } }'),
  ]);

  expect(one.body.extensions?.dataUse).toEqual([
    { subgraph: 'population', field: 'Thing.name', id: '1' },
  ]);
  expect(two.body.extensions?.dataUse).toEqual([
    { subgraph: 'tax', field: 'Thing.taxNumber', id: '2' },
  ]);
});
