import path from 'node:path';
import type { Db } from './createDb';

/** The folder of one schema's migrations; the same relative place in the sources and in `dist/`. */
export function migrationDirectory(schema: string): string {
  return path.join(__dirname, '..', '..', 'migrations', schema);
}

/** Creates a schema if needed and brings it to its latest migration; its history lives in the schema itself. */
export async function migrateSchema(db: Db, schema: string): Promise<string[]> {
  await db.raw('create schema if not exists ??', [schema]);
  const [, applied] = (await db.migrate.latest({
    directory: migrationDirectory(schema),
    schemaName: schema,
    tableName: 'knex_migrations',
    loadExtensions: ['.ts', '.js'],
  })) as [number, string[]];
  return applied;
}

/** Drops a schema and everything in it; used to rebuild the demo country from scratch. */
export async function dropSchema(db: Db, schema: string): Promise<void> {
  await db.raw('drop schema if exists ?? cascade', [schema]);
}
