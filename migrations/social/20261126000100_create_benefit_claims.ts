import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('social').createTable('benefit_claim', (t) => {
    t.increments('id').primary();
    t.text('national_id').notNullable().index();
    t.text('benefit').notNullable();
    t.text('status').notNullable().checkIn(['pending', 'approved', 'rejected', 'ended']);
    t.decimal('monthly_amount', 10, 2).notNullable();
    t.date('since').notNullable();
    t.date('until');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('social').dropTable('benefit_claim');
}
