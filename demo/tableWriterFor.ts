import type { Knex } from 'knex';
import type { Client } from 'pg';
import { copyWriter } from './copyWriter';
import { insertWriter } from './insertWriter';
import type { TableWriter, WriteRoute } from './tableWriter';

/** A writer of the given route on the transaction's own connection. */
export async function tableWriterFor(
  trx: Knex.Transaction,
  route: WriteRoute,
): Promise<TableWriter> {
  if (route === 'insert') return insertWriter(trx);
  // Inside a transaction knex hands out the transaction's connection.
  return copyWriter((await trx.client.acquireConnection()) as Client);
}
