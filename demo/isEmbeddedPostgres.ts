import type { Db } from '../platform/db/createDb';

/** Whether the database is the embedded PostgreSQL (PGlite), which says so in its version. */
export async function isEmbeddedPostgres(db: Db): Promise<boolean> {
  const { rows } = await db.raw<{ rows: { version: string }[] }>('select version() as version');
  return rows[0]!.version.includes('PGlite');
}
