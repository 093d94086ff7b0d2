import type { Knex } from 'knex';
import type { TableName } from './rows';
import type { TableWriter } from './tableWriter';

// PostgreSQL accepts at most 65,535 bind parameters per statement.
const MAX_PARAMETERS = 60_000;

/** Writes each call's rows with as few parameterised multi-row INSERTs as the protocol allows. */
export function insertWriter(trx: Knex.Transaction): TableWriter {
  let previous: Promise<void> = Promise.resolve();
  return {
    write(table, rows) {
      previous = previous.then(() => insertRows(trx, table, rows));
      return previous;
    },
  };
}

async function insertRows(
  trx: Knex.Transaction,
  table: TableName,
  rows: readonly object[],
): Promise<void> {
  if (rows.length === 0) return;
  const chunkSize = Math.floor(MAX_PARAMETERS / Object.keys(rows[0]!).length);
  for (let start = 0; start < rows.length; start += chunkSize) {
    await trx.insert(rows.slice(start, start + chunkSize)).into(table);
  }
}
