import type { Knex } from 'knex';
import { appendAsSet, appendByRow } from '../shared/accessLogAppend';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await appendAsSet(knex, 'tax');
}

export async function down(knex: Knex): Promise<void> {
  await appendByRow(knex, 'tax');
}
