import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import type { AgencySubgraph } from '../../platform/subgraph/SubgraphDefinition';
import { statementsOf as countStatementsOf } from '../../test/support/countStatements';
import { subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { createBusinessSubgraph } from './index';
import type { BusinessLoaders } from './loaders';
import type { BusinessRepositories } from './repositories';

/** The persona these tests ask as: one whose agreements cover this agency's data. */
const AS = { persona: 'tax-officer', purpose: 'tax-assessment' } as const;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;
let subgraph: AgencySubgraph<BusinessLoaders, BusinessRepositories>;

beforeAll(async () => {
  db = connectTestDatabase();
  subgraph = await createBusinessSubgraph(db);
  requester = await subgraphRequester(subgraph);
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

/** Queries run as the gateway would send them: a fresh context and fresh loaders per request. */
const data = (source: string, variableValues?: Record<string, unknown>) =>
  requester.data(source, AS, variableValues);
const errorCodeOf = (source: string, variableValues?: Record<string, unknown>) =>
  requester.errorCode(source, AS, variableValues);
/** How many SQL statements `run` sends to the database. */
const statementsOf = (run: () => Promise<unknown>) => countStatementsOf(db, run);

const SHOWCASE_COMPANY = {
  registryCode: SHOWCASE.companyRegistryCode,
  name: 'Tamm Tarkvara OÜ',
  status: 'ACTIVE',
  founded: '2014-03-10',
  legalForm: 'OÜ',
  city: 'Tartu',
  boardMembers: [{ nationalId: SHOWCASE.nationalId }],
  boardSeats: [{ person: { nationalId: SHOWCASE.nationalId }, role: 'chair', since: '2014-03-10' }],
};

const COMPANY_FIELDS = `registryCode name status founded legalForm city
  boardMembers { nationalId: id } boardSeats { person { nationalId: id } role since }`;

const COMPANY = `query ($registryCode: ID!) { company(registryCode: $registryCode) { ${COMPANY_FIELDS} } }`;

const COMPANIES = `query ($first: Int, $after: String) {
  companies(first: $first, after: $after) { nodes { registryCode boardMembers { nationalId: id } } pageInfo { endCursor hasNextPage } }
}`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { nationalId: id boardMemberships { registryCode name boardMembers { nationalId: id } boardSeats { role } } }
    ... on Company { ${COMPANY_FIELDS} }
  }
}`;

const people = (nationalIds: readonly string[]) => ({
  representations: nationalIds.map((nationalId) => ({ __typename: 'Person', id: nationalId })),
});
const companies = (registryCodes: readonly string[]) => ({
  representations: registryCodes.map((registryCode) => ({ __typename: 'Company', registryCode })),
});

interface CompanyPage {
  companies: {
    nodes: { registryCode: string }[];
    pageInfo: { endCursor: string | null; hasNextPage: boolean };
  };
}

describe('Query.company', () => {
  test('finds the showcase company with its board', async () => {
    expect(await data(COMPANY, { registryCode: SHOWCASE.companyRegistryCode })).toEqual({
      company: SHOWCASE_COMPANY,
    });
  });

  test('reports an unregistered code as NOT_FOUND', async () => {
    expect(await errorCodeOf(COMPANY, { registryCode: '99999999' })).toBe('NOT_FOUND');
  });

  test.each(['', '1234567', '123456789', 'abcdefgh', '1000000O', "1'--"])(
    'rejects the malformed code %p as BAD_USER_INPUT',
    async (registryCode) => {
      expect(await errorCodeOf(COMPANY, { registryCode })).toBe('BAD_USER_INPUT');
    },
  );
});

describe('Query.companies', () => {
  test('pages through the whole register without overlap, ending with hasNextPage false', async () => {
    const [{ count }] = await db('business.company').count<{ count: string | number }[]>({
      count: '*',
    });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { companies: page } = (await data(COMPANIES, {
        first: 150,
        after,
      })) as unknown as CompanyPage;
      seen.push(...page.nodes.map((node) => node.registryCode));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen[0]).toBe(SHOWCASE.companyRegistryCode);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen).toHaveLength(Number(count));
    expect(pages).toBe(Math.ceil(Number(count) / 150));
  });

  test('the last page says no page follows', async () => {
    const { companies: first } = (await data(COMPANIES, { first: 1 })) as unknown as CompanyPage;
    expect(first.nodes).toEqual([
      {
        registryCode: SHOWCASE.companyRegistryCode,
        boardMembers: [{ nationalId: SHOWCASE.nationalId }],
      },
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const { companies: rest } = (await data(COMPANIES, {
      first: 1000,
      after: first.pageInfo.endCursor,
    })) as unknown as CompanyPage;
    expect(rest.nodes[0]!.registryCode > SHOWCASE.companyRegistryCode).toBe(true);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  test('costs the same number of SQL statements for a page of 2 as for 200', async () => {
    const small = await statementsOf(() => data(COMPANIES, { first: 2 }));
    const large = await statementsOf(() => data(COMPANIES, { first: 200 }));
    expect(small).toBe(2);
    expect(large).toBe(small);
  });

  test.each([
    ['a negative page size', { first: -1 }],
    ['an oversized page', { first: 1001 }],
    ['a cursor it did not issue', { after: 'not-a-cursor' }],
  ])('rejects %s as BAD_USER_INPUT', async (_name, variables) => {
    expect(await errorCodeOf(COMPANIES, variables)).toBe('BAD_USER_INPUT');
  });
});

describe('entity references', () => {
  test("resolve the showcase person's board memberships", async () => {
    expect(await data(ENTITIES, people([SHOWCASE.nationalId]))).toEqual({
      _entities: [
        {
          nationalId: SHOWCASE.nationalId,
          boardMemberships: [
            {
              registryCode: SHOWCASE.companyRegistryCode,
              name: 'Tamm Tarkvara OÜ',
              boardMembers: [{ nationalId: SHOWCASE.nationalId }],
              boardSeats: [{ role: 'chair' }],
            },
          ],
        },
      ],
    });
  });

  test('give a child no board memberships', async () => {
    expect(await data(ENTITIES, people([SHOWCASE.childIds[1]]))).toEqual({
      _entities: [{ nationalId: SHOWCASE.childIds[1], boardMemberships: [] }],
    });
  });

  test('resolve companies, and null for an unknown code', async () => {
    expect(await data(ENTITIES, companies([SHOWCASE.companyRegistryCode, '99999999']))).toEqual({
      _entities: [SHOWCASE_COMPANY, null],
    });
  });

  test('cost the same number of SQL statements for 1 person as for 50', async () => {
    const members = await db('business.board_member')
      .distinct('national_id')
      .orderBy('national_id')
      .limit(50)
      .pluck('national_id');
    expect(members).toHaveLength(50);
    const one = await statementsOf(() => data(ENTITIES, people(members.slice(0, 1))));
    const fifty = await statementsOf(() => data(ENTITIES, people(members)));
    expect(one).toBe(2);
    expect(fifty).toBe(one);
  });

  test('cost the same number of SQL statements for 1 company as for 50', async () => {
    const codes = await db('business.company')
      .orderBy('registry_code')
      .limit(50)
      .pluck('registry_code');
    const one = await statementsOf(() => data(ENTITIES, companies(codes.slice(0, 1))));
    const fifty = await statementsOf(() => data(ENTITIES, companies(codes)));
    expect(one).toBe(2);
    expect(fifty).toBe(one);
  });
});
