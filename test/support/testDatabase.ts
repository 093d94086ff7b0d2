import { createDb, type Db } from '../../platform/db/createDb';

/** Set by the global setup: the database holding the demo country for this test run. */
export const TEST_DATABASE_URL_VARIABLE = 'GOVGRAPH_TEST_DATABASE_URL';

/** Set by the global setup when the tests run on the embedded PostgreSQL. */
export const TEST_DATABASE_EMBEDDED_VARIABLE = 'GOVGRAPH_TEST_DATABASE_EMBEDDED';

export function isEmbeddedTestDatabase(): boolean {
  return process.env[TEST_DATABASE_EMBEDDED_VARIABLE] === 'true';
}

export function testDatabaseUrl(): string {
  const url = process.env[TEST_DATABASE_URL_VARIABLE];
  if (!url)
    throw new Error(
      `${TEST_DATABASE_URL_VARIABLE} is not set: run the tests through jest's global setup`,
    );
  return url;
}

/**
 * A connection to the test database; close it with `destroy()` in afterAll. Small by default:
 * test files run side by side on one server (see TEST_AGENCY_POOL_SIZE in testFederation.ts).
 */
export function connectTestDatabase(poolSize = 3): Db {
  return createDb({ url: testDatabaseUrl(), poolSize });
}
