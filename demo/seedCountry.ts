import type { Db } from '../platform/db/createDb';
import { generateCountry } from './country';
import { seedGovernance } from './governance';
import { TABLES, type CountryRows } from './rows';

export interface SeedOptions {
  seed: string;
  people: number;
  /** Called after each batch with the number of people written so far. */
  onProgress?: (peopleSoFar: number, total: number) => void;
}

export interface SeedSummary {
  people: number;
  rows: Record<string, number>;
}

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

/** Writes the demo country into the (migrated, empty) agency schemas, batch by batch. */
export async function seedCountry(db: Db, options: SeedOptions): Promise<SeedSummary> {
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let people = 0;
  for (const batch of generateCountry({ seed: options.seed, people: options.people })) {
    await insertBatch(db, batch.rows, counts);
    people = batch.peopleSoFar;
    options.onProgress?.(people, options.people);
  }
  await seedGovernance(db);
  await db.raw('analyze');
  return { people, rows: counts };
}

async function insertBatch(
  db: Db,
  rows: CountryRows,
  counts: Record<string, number>,
): Promise<void> {
  for (const table of TABLES) {
    const tableRows = rows[table] as object[];
    if (tableRows.length === 0) continue;
    const columns = Object.keys(tableRows[0]!).length;
    const chunkSize = Math.floor(MAX_PARAMETERS / columns);
    for (let start = 0; start < tableRows.length; start += chunkSize) {
      await db.insert(tableRows.slice(start, start + chunkSize)).into(table);
    }
    counts[table] = (counts[table] ?? 0) + tableRows.length;
  }
}
