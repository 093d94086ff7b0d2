import type { Db } from '../platform/db/createDb';
import { migrateSchema } from '../platform/db/migrate';
import { DEMO_SCHEMAS, resetDemoCountry } from './resetDemoCountry';
import { seedCountry, type SeedOptions } from './seedCountry';

export type PreparedDatabase =
  | { action: 'migrated'; applied: string[] }
  | { action: 'seeded'; applied: string[]; people: number }
  | { action: 'reset'; people: number };

/**
 * Brings every agency schema to its latest migration and makes sure the demo country is there:
 * seeded when the register is empty, rebuilt from scratch when `reset` is asked for, and
 * otherwise left as it is (so a real database is never wiped by a restart).
 */
export async function prepareDatabase(
  db: Db,
  options: SeedOptions & { reset: boolean; seedIfEmpty: boolean },
): Promise<PreparedDatabase> {
  if (options.reset) {
    const summary = await resetDemoCountry(db, options);
    return { action: 'reset', people: summary.people };
  }
  const applied: string[] = [];
  for (const schema of DEMO_SCHEMAS) applied.push(...(await migrateSchema(db, schema)));
  const [{ count }] = await db('population.person').count<{ count: number }[]>({ count: '*' });
  if (Number(count) > 0 || !options.seedIfEmpty) return { action: 'migrated', applied };
  const summary = await seedCountry(db, options);
  return { action: 'seeded', applied, people: summary.people };
}
