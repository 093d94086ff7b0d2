import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createPopulationSubgraph } from './index';

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: Awaited<ReturnType<typeof createPopulationSubgraph>>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createPopulationSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

async function execute(source: string, variableValues?: Record<string, unknown>) {
  return requester.run(source, AS, variableValues);
}

async function data(source: string, variableValues?: Record<string, unknown>) {
  const result = await execute(source, variableValues);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, never>;
}

describe('the population register subgraph', () => {
  it('gives a person with address, household and family', async () => {
    const { person } = await data(
      `query($id: ID!) { person(nationalId: $id) {
         givenName familyName dateOfBirth sex
         address { street postalCode city municipality }
         household { members { givenName } }
         children { givenName parents { givenName } }
       } }`,
      { id: SHOWCASE.nationalId },
    );
    expect(person).toEqual({
      givenName: 'Mari',
      familyName: 'Tamm',
      dateOfBirth: '1985-07-12',
      sex: 'F',
      address: { street: 'Tamme tn 12', postalCode: '50410', city: 'Tartu', municipality: 'Tartu' },
      household: {
        members: [
          { givenName: 'Jaan' },
          { givenName: 'Mari' },
          { givenName: 'Liisa' },
          { givenName: 'Mihkel' },
        ],
      },
      children: [
        { givenName: 'Liisa', parents: [{ givenName: 'Jaan' }, { givenName: 'Mari' }] },
        { givenName: 'Mihkel', parents: [{ givenName: 'Jaan' }, { givenName: 'Mari' }] },
      ],
    });
  });

  it('resolves Person references of other agencies in one statement, however many', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { nationalId givenName } } }`;
    const statements = async (ids: string[]) => {
      let count = 0;
      const listener = () => (count += 1);
      db.on('query', listener);
      const { _entities } = await data(query, {
        r: ids.map((nationalId) => ({ __typename: 'Person', id: nationalId })),
      });
      db.off('query', listener);
      return { count, entities: _entities as { nationalId: string }[] };
    };
    const one = await statements([SHOWCASE.nationalId]);
    const four = await statements([SHOWCASE.nationalId, SHOWCASE.partnerId, ...SHOWCASE.childIds]);
    expect(one.count).toBe(1);
    expect(four.count).toBe(1);
    expect(four.entities.map((e) => e.nationalId)).toEqual([
      SHOWCASE.nationalId,
      SHOWCASE.partnerId,
      ...SHOWCASE.childIds,
    ]);
  });

  it('pages through the register without overlap, in the order of its random list key', async () => {
    const page = async (after?: string) =>
      (
        await data(
          'query($a: String) { people(first: 50, after: $a) { nodes { nationalId } pageInfo { endCursor hasNextPage } } }',
          { a: after },
        )
      ).people as unknown as {
        nodes: { nationalId: string }[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    const ids = [...first.nodes, ...second.nodes].map((n) => n.nationalId);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    // Not the national ID order, which would reveal sex and date of birth: the list key's.
    expect(ids).toEqual(
      await db('population.person').orderBy('list_key').limit(100).pluck('national_id'),
    );
    expect([...ids].sort()).not.toEqual(ids);
    for (const cursor of [first.pageInfo.endCursor, second.pageInfo.endCursor])
      expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/\d{6}/);
  });

  it('says when the last page is reached', async () => {
    const { people } = await data('{ people(first: 1000) { pageInfo { endCursor } } }');
    let after = (people as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    let pages = 1;
    for (;;) {
      const result = (
        await data(
          'query($a: String) { people(first: 1000, after: $a) { nodes { nationalId } pageInfo { endCursor hasNextPage } } }',
          { a: after },
        )
      ).people as unknown as {
        nodes: unknown[];
        pageInfo: { endCursor: string; hasNextPage: boolean };
      };
      pages += 1;
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(pages).toBe(10);
  });

  it('refuses `me` to a caller who is not a signed-in citizen', async () => {
    const result = await execute('{ me { givenName } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
