import knex, { type Knex } from 'knex';
import { types } from 'pg';
import { traceQueries } from '../tracing/traceQueries';
import { tracingActive } from '../tracing/tracingActive';

interface PgConnection {
  query(sql: string, callback: (error: Error | null) => void): void;
}

// Dates stay ISO strings (no time-zone shifts), numerics and bigints become numbers:
// row mapping is then identical on PostgreSQL and on the embedded database.
const DATE_OID = 1082;
const NUMERIC_OID = 1700;
const INT8_OID = 20;
types.setTypeParser(DATE_OID, (value) => value);
types.setTypeParser(NUMERIC_OID, (value) => Number(value));
types.setTypeParser(INT8_OID, (value) => Number(value));

export type Db = Knex;

export interface DbOptions {
  url: string;
  poolSize?: number;
  /** Application name shown in pg_stat_activity. */
  applicationName?: string;
  /** A role every connection acts as (SET ROLE), e.g. an agency's least-privileged service role. */
  role?: string;
}

/** Opens a pooled knex connection to PostgreSQL (a real server or the embedded one). */
export function createDb({
  url,
  poolSize = 10,
  applicationName = 'govgraph',
  role,
}: DbOptions): Db {
  const db = knex({
    client: 'pg',
    connection: { connectionString: url, application_name: applicationName },
    pool: {
      min: 0,
      max: poolSize,
      ...(role
        ? {
            afterCreate: (
              connection: PgConnection,
              done: (error: Error | null, connection: PgConnection) => void,
            ) =>
              connection.query(`set role "${role.replace(/"/g, '""')}"`, (error) =>
                done(error, connection),
              ),
          }
        : {}),
    },
  });
  if (tracingActive()) traceQueries(db);
  return db;
}
