import type { Knex } from 'knex';
import { chainPerRow, chainPerStatement } from '../shared/accessLogHeadPerStatement';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await chainPerStatement(knex, 'population');
}

export async function down(knex: Knex): Promise<void> {
  await chainPerRow(knex, 'population');
}
