import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { countStatements } from '../../test/support/countStatements';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createSocialSubgraph } from './index';

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { nationalId: id benefitClaims { benefit status monthlyAmount since until } }
  }
}`;

interface PersonClaims {
  nationalId: string;
  benefitClaims: { benefit: string; status: string }[];
}

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'caseworker', purpose: 'benefit-eligibility' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: Awaited<ReturnType<typeof createSocialSubgraph>>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createSocialSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

/** Resolves people through `_entities` as one request, failing the test on any GraphQL error. */
async function people(nationalIds: readonly string[]): Promise<PersonClaims[]> {
  const result = await requester.run(ENTITIES, AS, {
    representations: nationalIds.map((id) => ({ __typename: 'Person', id })),
  });
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: PersonClaims[] })._entities;
}

describe('the Social Insurance Board subgraph', () => {
  it("gives the showcase person's child allowance", async () => {
    expect(await people([SHOWCASE.nationalId])).toEqual([
      {
        nationalId: SHOWCASE.nationalId,
        benefitClaims: [
          {
            benefit: 'CHILD_ALLOWANCE',
            status: 'APPROVED',
            monthlyAmount: 160,
            since: '2016-09-02',
            until: null,
          },
        ],
      },
    ]);
  });

  it('gives a person without claims an empty list', async () => {
    expect(await people([SHOWCASE.childIds[0]])).toEqual([
      { nationalId: SHOWCASE.childIds[0], benefitClaims: [] },
    ]);
  });

  it('names every benefit and status the register holds', async () => {
    const samples = await db('social.benefit_claim')
      .distinctOn('benefit', 'status')
      .select('national_id', 'benefit', 'status');
    const claims = (await people(samples.map((row) => row.national_id))).flatMap(
      (person) => person.benefitClaims,
    );
    const asEnum = (code: string) => code.toUpperCase().replaceAll('-', '_');
    expect(new Set(claims.map((claim) => claim.benefit))).toEqual(
      new Set(samples.map((row) => asEnum(row.benefit))),
    );
    expect(new Set(claims.map((claim) => claim.status))).toEqual(
      new Set(samples.map((row) => asEnum(row.status))),
    );
  });

  it('sends as many SQL statements for 50 people as for one', async () => {
    const claimants = await db('social.benefit_claim').distinct('national_id').limit(50);
    const many = claimants.map((row) => row.national_id as string);
    expect(many).toHaveLength(50);
    const forOne = await countStatements({ social: db }, async () => {
      await people([SHOWCASE.nationalId]);
    });
    const forMany = await countStatements({ social: db }, async () => {
      const found = await people(many);
      expect(found.every((person) => person.benefitClaims.length > 0)).toBe(true);
    });
    expect(forOne).toEqual({ social: 1 });
    expect(forMany).toEqual(forOne);
  });
});
