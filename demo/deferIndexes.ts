import type { Knex } from 'knex';

interface CatalogEntry {
  table: string;
  name: string;
  definition: string;
}

/** Puts back what deferIndexes took away, building each index once over all the rows. */
export type RestoreIndexes = () => Promise<void>;

// Each query reads the definitions the migrations made, so the schema keeps one source.
const FOREIGN_KEYS = `
  select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
   where c.contype = 'f' and (c.conrelid = any(?::regclass[]) or c.confrelid = any(?::regclass[]))
   order by c.conrelid::regclass::text, c.conname`;
const KEYS = `
  select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c
   where c.contype in ('p', 'u') and c.conrelid = any(?::regclass[])
   order by c.conrelid::regclass::text, c.conname`;
const INDEXES = `
  select i.indrelid::regclass::text as table, x.relname as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i join pg_class x on x.oid = i.indexrelid
   where i.indrelid = any(?::regclass[])
     and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
   order by i.indrelid::regclass::text, x.relname`;

async function read(trx: Knex.Transaction, sql: string, bindings: unknown[]) {
  const { rows } = await trx.raw<{ rows: CatalogEntry[] }>(sql, bindings as Knex.RawBinding[]);
  return rows;
}

/**
 * Drops the keys, indexes and foreign keys of `tables` (schema-qualified) for a bulk load and
 * returns the function that recreates them from the definitions read here: building an index
 * over all the rows at once, and checking a foreign key in one pass, is many times faster than
 * maintaining them row by row. Within the caller's transaction, so a failed load changes nothing.
 */
export async function deferIndexes(
  trx: Knex.Transaction,
  tables: readonly string[],
): Promise<RestoreIndexes> {
  const names = [...tables];
  const foreignKeys = await read(trx, FOREIGN_KEYS, [names, names]);
  const keys = await read(trx, KEYS, [names]);
  const indexes = await read(trx, INDEXES, [names]);
  for (const c of foreignKeys)
    await trx.raw('alter table ?? drop constraint ??', [c.table, c.name]);
  for (const i of indexes) await trx.raw('drop index ??', [`${schemaOf(i.table)}.${i.name}`]);
  for (const c of keys) await trx.raw('alter table ?? drop constraint ??', [c.table, c.name]);
  return async () => {
    // The definitions come from the catalog, not from any input.
    for (const c of keys)
      await trx.raw(`alter table ?? add constraint ?? ${c.definition}`, [c.table, c.name]);
    for (const i of indexes) await trx.raw(i.definition);
    for (const c of foreignKeys)
      await trx.raw(`alter table ?? add constraint ?? ${c.definition}`, [c.table, c.name]);
  };
}

function schemaOf(table: string): string {
  return table.slice(0, table.indexOf('.'));
}
