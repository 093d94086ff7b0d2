import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('business').createTable('company', (t) => {
    t.text('registry_code').primary();
    t.text('name').notNullable();
    t.text('legal_form').notNullable();
    t.text('status').notNullable().checkIn(['active', 'in-liquidation', 'deleted']);
    t.date('founded').notNullable();
    t.text('city').notNullable();
  });
  await knex.schema.withSchema('business').createTable('board_member', (t) => {
    t.text('registry_code').notNullable().references('registry_code').inTable('business.company');
    t.text('national_id').notNullable().index();
    t.text('role').notNullable();
    t.date('since').notNullable();
    t.primary(['registry_code', 'national_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('business').dropTable('board_member');
  await knex.schema.withSchema('business').dropTable('company');
}
