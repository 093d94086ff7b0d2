import { readdirSync } from 'node:fs';
import type { Db } from '../platform/db/createDb';
import { migrationDirectory } from '../platform/db/migrate';

const MIGRATION_FILE = /^(?!.*\.d\.ts$)(.+)\.(js|ts)$/;

/** The migrations this build ships for a schema, by name without extension, in order. */
export function shippedMigrations(schema: string): string[] {
  return readdirSync(migrationDirectory(schema))
    .flatMap((file) => MIGRATION_FILE.exec(file)?.[1] ?? [])
    .sort();
}

/**
 * The migrations recorded as applied in a schema's own history (`<schema>.knex_migrations`),
 * without extension, so a history written from the sources (`.ts`) matches a build (`.js`).
 * A schema or history that does not exist yet has applied nothing. Reads only; never creates
 * the history table as knex's own listing would.
 */
export async function appliedMigrations(db: Db, schema: string): Promise<string[]> {
  try {
    const rows = await db
      .select('name')
      .from<{ name: string }>(`${schema}.knex_migrations`)
      .orderBy('name');
    return rows.map((row) => row.name.replace(/\.(js|ts)$/, ''));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // undefined_table, invalid_schema_name: not migrated yet.
    if (code === '42P01' || code === '3F000') return [];
    throw error;
  }
}

/** The shipped migrations not yet applied, in order. */
export function pendingMigrations(
  shipped: readonly string[],
  applied: readonly string[],
): string[] {
  const done = new Set(applied);
  return shipped.filter((name) => !done.has(name));
}
