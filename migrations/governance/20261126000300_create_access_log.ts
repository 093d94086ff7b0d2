import type { Knex } from 'knex';
import { createAccessLog, dropAccessLog } from '../shared/accessLog';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await createAccessLog(knex, 'governance');
}

export async function down(knex: Knex): Promise<void> {
  await dropAccessLog(knex, 'governance');
}
