import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('health').createTable('vaccination', (t) => {
    t.increments('id').primary();
    t.text('national_id').notNullable().index();
    t.text('vaccine').notNullable();
    t.date('administered_on').notNullable();
    t.integer('dose').notNullable().defaultTo(1);
  });
  await knex.schema.withSchema('health').createTable('gp_registration', (t) => {
    t.text('national_id').primary();
    t.text('practice').notNullable();
    t.text('physician').notNullable();
    t.date('since').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('health').dropTable('gp_registration');
  await knex.schema.withSchema('health').dropTable('vaccination');
}
