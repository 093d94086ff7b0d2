import { graphql } from 'graphql';
import { SHOWCASE } from '../../demo/showcase';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createPopulationSubgraph } from './index';
import type { Db } from '../../platform/db/createDb';

let db: Db;
beforeAll(() => {
  db = connectTestDatabase();
});
afterAll(() => db.destroy());

test('scratch', async () => {
  const sub = await createPopulationSubgraph(db);
  const ctx = {
    requestId: 'x',
    caller: { kind: 'public' },
    purpose: null,
    caseId: null,
    loaders: sub.createLoaders(),
    repositories: sub.repositories,
  };
  const r = await graphql({
    schema: sub.schema,
    source: `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName address { city } household { members { givenName } } children { givenName parents { givenName } } } people(first: 2) { nodes { nationalId } pageInfo { endCursor hasNextPage } } }`,
    contextValue: ctx,
  });
  console.log(JSON.stringify(r, null, 1));
});
