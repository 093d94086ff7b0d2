import type { Db } from '../platform/db/createDb';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { encodeCursor } from '../platform/pagination/cursor';
import { SHOWCASE } from '../demo/showcase';
import { countStatements } from './support/countStatements';
import { grantHarnessAccess, HARNESS_PURPOSE, harnessToken } from './support/harnessAccess';
import { waitUntilAllowed } from './support/waitUntilAllowed';
import { connectTestDatabase } from './support/testDatabase';
import { startTestFederation, type TestFederation } from './support/testFederation';

// Every level of this query is reached by the showcase person alone, so a page that starts with
// her exercises the same statements whether it holds 1 or 100 people.
const NESTED_QUERY = `query Nested($first: Int!, $after: String) {
  people(first: $first, after: $after) {
    nodes {
      nationalId givenName
      address { city }
      parents { givenName }
      children { givenName dateOfBirth }
      household { members { nationalId } }
      incomeAssessments { year taxableIncome }
      taxDebt
      benefitClaims { benefit monthlyAmount }
      vaccinations { vaccine date }
      gp { practice }
      vehicles { make model }
      drivingLicence { categories }
      boardMemberships { name taxDebt boardMembers { familyName } }
    }
  }
}`;

const HARNESS = 'sql-count-harness';
let federation: TestFederation;
let revokeHarness: (() => Promise<void>) | undefined;
let admin: Db | undefined;
let headers: Record<string, string>;
beforeAll(async () => {
  federation = await startTestFederation();
  // Set-up writes to the governance store as the test's own user, not as a service role.
  admin = connectTestDatabase(2);
  revokeHarness = await grantHarnessAccess(admin, HARNESS);
  headers = {
    authorization: `Bearer ${await harnessToken(HARNESS)}`,
    'x-purpose': HARNESS_PURPOSE,
  };
  await waitUntilAllowed(federation, headers);
});
afterAll(async () => {
  await revokeHarness?.();
  await admin?.destroy();
  await federation?.stop();
});

async function statementsPerAgency(first: number): Promise<Record<AgencyName, number>> {
  // A page with the showcase person on it, who has data in every agency: it starts at her,
  // or ends at her when fewer than `first` people follow her in the register's random order.
  const keys = (await admin!('population.person')
    .orderBy('list_key')
    .select('list_key', 'national_id')) as { list_key: string; national_id: string }[];
  const at = keys.findIndex((row) => row.national_id === SHOWCASE.nationalId);
  const start = Math.min(at, keys.length - first);
  const after = start === 0 ? null : encodeCursor(String(keys[start - 1]!.list_key));
  const databases = Object.fromEntries(
    AGENCY_NAMES.map((agency) => [agency, federation.subgraphs[agency].db]),
  );
  return countStatements(databases as Record<AgencyName, Db>, async () => {
    const { body } = await federation.query(NESTED_QUERY, { variables: { first, after }, headers });
    expect(body.errors).toBeUndefined();
    const nodes = (body.data as { people: { nodes: { nationalId: string }[] } }).people.nodes;
    expect(nodes).toHaveLength(first);
    expect(nodes.map((node) => node.nationalId)).toContain(SHOWCASE.nationalId);
  });
}

describe('SQL statements per request', () => {
  it('stay the same for 1, 10 and 100 people: one statement per entity type per level', async () => {
    const forOne = await statementsPerAgency(1);
    const forTen = await statementsPerAgency(10);
    const forHundred = await statementsPerAgency(100);
    process.stderr.write(
      `SQL statements per agency for 1 / 10 / 100 people: ${JSON.stringify({ forOne, forTen, forHundred })}\n`,
    );
    expect(forTen).toEqual(forOne);
    expect(forHundred).toEqual(forOne);
    // The six agencies whose data this query reads (governance holds none of it).
    for (const agency of [
      'population',
      'tax',
      'social',
      'health',
      'transport',
      'business',
    ] as const) {
      expect(forOne[agency]).toBeGreaterThan(0);
    }
  });
});
