import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { countStatements } from '../../test/support/countStatements';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createTaxSubgraph } from './index';

const PERSON_FIELDS = `... on Person { nationalId: id incomeAssessments { year taxableIncome taxPaid } taxDebt }`;
const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ${PERSON_FIELDS} ... on Company { registryCode taxDebt } }
}`;

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'tax-officer', purpose: 'tax-assessment' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: Awaited<ReturnType<typeof createTaxSubgraph>>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createTaxSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

/** Runs a query as one request to the subgraph, failing the test on any GraphQL error. */
async function execute(source: string, variableValues?: Record<string, unknown>) {
  const result = await requester.run(source, AS, variableValues);
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

const person = (nationalId: string) => ({ __typename: 'Person', id: nationalId });
const company = (registryCode: string) => ({ __typename: 'Company', registryCode });

async function entities(representations: object[]) {
  return (await execute(ENTITIES, { representations }))._entities as Record<string, unknown>[];
}

describe('the Tax Board subgraph', () => {
  it("gives the showcase person's income assessments, newest year first, and no debt", async () => {
    const [mari] = await entities([person(SHOWCASE.nationalId)]);
    expect(mari).toEqual({
      nationalId: SHOWCASE.nationalId,
      incomeAssessments: [
        { year: 2025, taxableIncome: 46000, taxPaid: 7630 },
        { year: 2024, taxableIncome: 44100, taxPaid: 7250 },
        { year: 2023, taxableIncome: 42200, taxPaid: 6870 },
        { year: 2022, taxableIncome: 40300, taxPaid: 6490 },
        { year: 2021, taxableIncome: 38400, taxPaid: 6110 },
      ],
      taxDebt: 0,
    });
  });

  it('filters the assessments by year, with one statement for any number of years', async () => {
    let data: Record<string, unknown> = {};
    const statements = await countStatements({ tax: db }, async () => {
      data = await execute(
        `query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Person { first: incomeAssessments(year: 2021) { year taxableIncome } last: incomeAssessments(year: 2025) { year } }
          }
        }`,
        { representations: [person(SHOWCASE.nationalId)] },
      );
    });
    expect(data._entities).toEqual([
      { first: [{ year: 2021, taxableIncome: 38400 }], last: [{ year: 2025 }] },
    ]);
    expect(statements).toEqual({ tax: 1 });
  });

  it('gives a person without records an empty list and a debt of 0', async () => {
    const [child] = await entities([person(SHOWCASE.childIds[0])]);
    expect(child).toEqual({ nationalId: SHOWCASE.childIds[0], incomeAssessments: [], taxDebt: 0 });
  });

  it('gives the debts of people and companies as recorded', async () => {
    const debtor = await db('tax.tax_debt').where({ party_kind: 'person' }).first();
    const indebtedCompany = await db('tax.tax_debt').where({ party_kind: 'company' }).first();
    const found = await entities([
      person(debtor.party_id),
      company(indebtedCompany.party_id),
      company(SHOWCASE.companyRegistryCode),
    ]);
    expect(found.map((entity) => entity.taxDebt)).toEqual([
      Number(debtor.amount),
      Number(indebtedCompany.amount),
      0,
    ]);
  });

  it('sends as many SQL statements for 50 people and companies as for one', async () => {
    const debtors = (kind: 'person' | 'company', limit: number) =>
      db('tax.tax_debt').where({ party_kind: kind }).limit(limit).pluck('party_id');
    const taxpayers = await db('tax.income_assessment').distinct('national_id').limit(25);
    const many = [
      ...(await debtors('person', 15)).map(person),
      ...(await debtors('company', 10)).map(company),
      ...taxpayers.map((row) => person(row.national_id)),
    ];
    expect(many).toHaveLength(50);
    const forOne = await countStatements({ tax: db }, async () => {
      await entities([person(SHOWCASE.nationalId)]);
    });
    const forMany = await countStatements({ tax: db }, async () => {
      await entities(many);
    });
    // One statement for assessments and one for the debts of people and companies together.
    expect(forOne).toEqual({ tax: 2 });
    expect(forMany).toEqual(forOne);
  });
  it('refuses a representation without its key with a clear error, reading nothing', async () => {
    for (const representation of [
      { __typename: 'Person' },
      { __typename: 'Company', registryCode: '' },
    ]) {
      const counted = await countStatements({ db }, async () => {
        const result = await requester.run(ENTITIES, AS, { representations: [representation] });
        expect(result.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0]?.message).toMatch(
          new RegExp(`^A ${representation.__typename} representation needs its key field`),
        );
      });
      expect(counted.db).toBe(0);
    }
  });
});
