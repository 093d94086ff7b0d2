import { AGENCY_NAMES } from '../platform/agencies';
import type { Db } from '../platform/db/createDb';
import { dropSchema, migrateSchema } from '../platform/db/migrate';
import { seedCountry, type SeedOptions, type SeedSummary } from './seedCountry';

/** The schemas the demo country fills: one per agency, and the governance store. */
export const DEMO_SCHEMAS: readonly string[] = AGENCY_NAMES;

/** Rebuilds every agency schema from its migrations and fills it with the demo country. */
export async function resetDemoCountry(db: Db, options: SeedOptions): Promise<SeedSummary> {
  for (const schema of DEMO_SCHEMAS) await dropSchema(db, schema);
  for (const schema of DEMO_SCHEMAS) await migrateSchema(db, schema);
  return seedCountry(db, options);
}
