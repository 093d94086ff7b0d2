import type { Db } from '../platform/db/createDb';
import { generateCountry } from './country';
import { seedGovernance } from './governance';
import { isEmbeddedPostgres } from './isEmbeddedPostgres';
import { type LoadLane, openLoadLane } from './loadLane';
import { TABLES, type TableName } from './rows';
import type { WriteRoute } from './tableWriter';

export interface SeedOptions {
  seed: string;
  people: number;
  /** Called after each batch with the number of people written so far. */
  onProgress?: (peopleSoFar: number, total: number) => void;
  /** COPY or INSERT; by default COPY, except on the embedded PostgreSQL. */
  route?: WriteRoute;
}

export interface SeedSummary {
  people: number;
  rows: Record<string, number>;
}

// Schemas by the rows they receive, largest first, so that lanes share the work evenly.
const SCHEMAS_BY_SIZE = ['tax', 'health', 'population', 'transport', 'social', 'business'];

/**
 * Writes the demo country into the (migrated, empty) agency schemas. Each lane (a connection,
 * one per schema as far as the pool allows) loads its schemas in one transaction and builds
 * their indexes at the end; each batch loads while the next one is generated, so at most two
 * batches are held in memory. The embedded PostgreSQL runs one transaction at a time: one lane.
 */
export async function seedCountry(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const embedded = await isEmbeddedPostgres(db);
  const route = options.route ?? (embedded ? 'insert' : 'copy');
  const poolSize = db.client.config.pool?.max ?? 1;
  const lanes: LoadLane[] = [];
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let people = 0;
  const report = (written: number) => {
    if (written === 0) return;
    people = written;
    options.onProgress?.(people, options.people);
  };
  try {
    for (const tables of laneTables(embedded ? 1 : poolSize))
      lanes.push(await openLoadLane(db, tables, route));
    let loading: Promise<number> = Promise.resolve(0);
    for (const batch of generateCountry({ seed: options.seed, people: options.people })) {
      for (const table of TABLES) counts[table]! += batch.rows[table].length;
      const next = Promise.all(lanes.map((lane) => lane.write(batch.rows))).then(
        () => batch.peopleSoFar,
      );
      // Awaited in the next round; until then a failure must not count as unhandled.
      next.catch(() => undefined);
      report(await loading);
      loading = next;
    }
    report(await loading);
    // Every lane completes before any commits: a failure anywhere leaves every table as it was.
    await Promise.all(lanes.map((lane) => lane.complete()));
    for (const lane of lanes) await lane.commit();
  } catch (error) {
    await Promise.all(lanes.map((lane) => lane.abort().catch(() => undefined)));
    throw error;
  }
  await Promise.all(lanes.map((lane) => lane.vacuum()));
  await seedGovernance(db);
  await analyzeSchema(db, 'governance');
  return { people, rows: counts };
}

/** Statistics for the tables of one schema (the lanes analyzed theirs). */
async function analyzeSchema(db: Db, schema: string): Promise<void> {
  const tables = await db('pg_catalog.pg_tables').where({ schemaname: schema }).pluck('tablename');
  if (tables.length === 0) return;
  const names = tables.map((table: string) => `${schema}.${table}`);
  await db.raw(`analyze ${names.map(() => '??').join(', ')}`, names);
}

/** The tables of each lane, in the order they are filled; whole schemas per lane. */
function laneTables(lanes: number): TableName[][] {
  const schemaOf = (table: TableName) => table.slice(0, table.indexOf('.'));
  const rank = (schema: string) => {
    const index = SCHEMAS_BY_SIZE.indexOf(schema);
    return index === -1 ? SCHEMAS_BY_SIZE.length : index;
  };
  const schemas = [...new Set(TABLES.map(schemaOf))].sort((a, b) => rank(a) - rank(b));
  const count = Math.max(1, Math.min(lanes, schemas.length));
  const laneOf = new Map(schemas.map((schema, index) => [schema, index % count]));
  return Array.from({ length: count }, (_, lane) =>
    TABLES.filter((table) => laneOf.get(schemaOf(table)) === lane),
  );
}
