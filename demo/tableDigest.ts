import type { Db } from '../platform/db/createDb';

/** Columns whose values the database draws at random, so no two loads share them. */
const RANDOM_COLUMNS = ['list_key'];

/** What a table holds, independent of the order its rows were written in. */
export interface TableDigest {
  rows: number;
  md5: string;
}

/**
 * A digest of every row of a `schema.table` (each row as PostgreSQL prints it, sorted
 * byte-wise), leaving out the columns filled at random; equal digests mean equal contents.
 */
export async function tableDigest(db: Db, table: string): Promise<TableDigest> {
  const [schema, name] = table.split('.') as [string, string];
  const columns = (
    await db('information_schema.columns')
      .where({ table_schema: schema, table_name: name })
      .whereNotIn('column_name', RANDOM_COLUMNS)
      .orderBy('ordinal_position')
      .select<{ column_name: string }[]>('column_name')
  ).map((c) => c.column_name);
  const { rows } = await db.raw<{ rows: { rows: number; md5: string }[] }>(
    `select count(*)::int as rows, md5(coalesce(string_agg(t, E'\\n' order by t collate "C"), '')) as md5
       from (select row(${columns.map(() => '??').join(', ')})::text as t from ??.??) as r`,
    [...columns, schema, name],
  );
  return rows[0]!;
}
