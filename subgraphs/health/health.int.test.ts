import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { countStatements } from '../../test/support/countStatements';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createHealthSubgraph } from './index';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { nationalId: id vaccinations { vaccine date dose } gp { practice physician since } }
  }
}`;

interface PersonHealth {
  nationalId: string;
  vaccinations: { vaccine: string; date: string; dose: number }[];
  gp: { practice: string } | null;
}

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'physician', purpose: 'medical-treatment' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: Awaited<ReturnType<typeof createHealthSubgraph>>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createHealthSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

/** Resolves people through `_entities` as one request, failing the test on any GraphQL error. */
async function people(nationalIds: readonly string[]): Promise<PersonHealth[]> {
  const result = await requester.run(ENTITIES, AS, {
    representations: nationalIds.map((id) => ({ __typename: 'Person', id })),
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: PersonHealth[] })._entities;
}

describe('the Health Board subgraph', () => {
  it("gives the showcase person's vaccinations, the most recent first, and her GP", async () => {
    expect(await people([SHOWCASE.nationalId])).toEqual([
      {
        nationalId: SHOWCASE.nationalId,
        vaccinations: [
          { vaccine: 'Influenza', date: '2025-10-14', dose: 1 },
          { vaccine: 'COVID-19', date: '2023-10-02', dose: 3 },
        ],
        gp: { practice: 'Annelinna Perearstid', physician: 'Dr. Kadri Lepik', since: '2015-02-01' },
      },
    ]);
  });

  it('gives a person without records no vaccinations and no GP', async () => {
    expect(await people([SHOWCASE.childIds[0]])).toEqual([
      { nationalId: SHOWCASE.childIds[0], vaccinations: [], gp: null },
    ]);
  });

  it('sends as many SQL statements for 50 people as for one', async () => {
    const patients = await db('health.vaccination').distinct('national_id').limit(50);
    const many = patients.map((row) => row.national_id as string);
    expect(many).toHaveLength(50);
    const forOne = await countStatements({ health: db }, async () => {
      await people([SHOWCASE.nationalId]);
    });
    const forMany = await countStatements({ health: db }, async () => {
      const found = await people(many);
      expect(found.every((person) => person.vaccinations.length > 0)).toBe(true);
    });
    expect(forOne).toEqual({ health: 2 });
    expect(forMany).toEqual(forOne);
  });
});
