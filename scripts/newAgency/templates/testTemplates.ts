import type { AgencyNaming } from '../agencyNaming';

/**
 * The new agency's integration test, on the test database: its open fields reach anyone, its
 * personal field only the record's holder (no agreement grants it yet), and its loader keeps
 * a lookup of many records to one statement.
 */
export function integrationTestFile(n: AgencyNaming): string {
  return `import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { statementsOf } from '../../test/support/countStatements';
import { type AsCaller, subgraphRequester } from '../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { create${n.pascal}Subgraph } from './index';
import { RECORD_TABLE } from './record/record.repository';

const HOLDER = SHOWCASE.nationalId;
const OTHER_HOLDER = SHOWCASE.childIds[0];
// References of this test's own rows, so that it never meets rows of the demo country.
const ROWS = [
  { reference: 'TEST-${n.name.toUpperCase()}-1', holder_id: HOLDER, title: 'First test record', issued_on: '2024-05-02' },
  { reference: 'TEST-${n.name.toUpperCase()}-2', holder_id: OTHER_HOLDER, title: 'Second test record', issued_on: '2025-01-15' },
];

const LIST = \`{ ${n.listField}(first: 100) { nodes { reference title } } }\`;
const LIST_WITH_DATES = \`{ ${n.listField}(first: 100) { nodes { reference title issuedOn } } }\`;
const ENTITIES = \`query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ${n.entity} { reference title } }
}\`;

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;

beforeAll(async () => {
  db = connectTestDatabase(2);
  await db(RECORD_TABLE).whereIn('reference', ROWS.map((row) => row.reference)).delete();
  await db(RECORD_TABLE).insert(ROWS);
  requester = await subgraphRequester(await create${n.pascal}Subgraph(db));
});
afterAll(async () => {
  await requester?.stop();
  await db(RECORD_TABLE).whereIn('reference', ROWS.map((row) => row.reference)).delete();
  await db.destroy();
});

interface Listed {
  reference: string;
  title: string;
  issuedOn?: string | null;
}

/** This test's records in a listing, with whatever else the register holds left out. */
function ownRows(data: Record<string, unknown> | null | undefined): Listed[] {
  const page = (data as { ${n.listField}: { nodes: Listed[] } }).${n.listField};
  return page.nodes.filter((node) => node.reference.startsWith('TEST-'));
}

describe('the ${n.title} subgraph', () => {
  it("gives anyone the register's references and titles: they are open data", async () => {
    const data = await requester.data(LIST, { persona: 'public' });
    expect(ownRows(data)).toEqual([
      { reference: ROWS[0]!.reference, title: 'First test record' },
      { reference: ROWS[1]!.reference, title: 'Second test record' },
    ]);
  });

  it.each<[string, AsCaller]>([
    ['the public', { persona: 'public' }],
    ['an organisation without an agreement', { persona: 'caseworker', purpose: 'benefit-eligibility' }],
  ])('refuses %s the date a record was issued: it is personal data', async (_who, as) => {
    const result = await requester.run(LIST_WITH_DATES, as);
    const codes = new Set((result.errors ?? []).map((error) => error.extensions.code));
    expect([...codes]).toEqual(['FORBIDDEN']);
    expect(ownRows(result.data).map((row) => row.issuedOn)).toEqual([null, null]);
    expect(ownRows(result.data).map((row) => row.title)).toEqual([
      'First test record',
      'Second test record',
    ]);
  });

  it("gives a holder their own record's date and no one else's", async () => {
    const result = await requester.run(LIST_WITH_DATES, { persona: 'citizen', subject: HOLDER });
    expect(ownRows(result.data).map((row) => row.issuedOn)).toEqual(['2024-05-02', null]);
    const refusedPaths = (result.errors ?? []).map((error) => error.path?.join('.'));
    expect(refusedPaths.length).toBeGreaterThan(0);
    expect(result.errors!.every((error) => error.extensions.code === 'FORBIDDEN')).toBe(true);
    expect(refusedPaths.every((path) => path?.endsWith('.issuedOn'))).toBe(true);
  });

  it('refuses a page size out of range with a clear error', async () => {
    expect(await requester.errorCode(\`{ ${n.listField}(first: 101) { nodes { reference } } }\`, { persona: 'public' })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('resolves references of many records in as many SQL statements as of one', async () => {
    const resolve = (references: string[]) =>
      requester.data(ENTITIES, { persona: 'public' }, {
        representations: references.map((id) => ({ __typename: '${n.entity}', id })),
      });
    const forOne = await statementsOf(db, () => resolve([ROWS[0]!.reference]));
    const forMany = await statementsOf(db, async () => {
      const data = await resolve(ROWS.map((row) => row.reference));
      expect((data as { _entities: unknown[] })._entities).toEqual([
        { reference: ROWS[0]!.reference, title: 'First test record' },
        { reference: ROWS[1]!.reference, title: 'Second test record' },
      ]);
    });
    expect(forOne).toBe(1);
    expect(forMany).toBe(forOne);
  });
});
`;
}
