import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('transport').createTable('vehicle', (t) => {
    t.text('registration_number').primary();
    t.text('owner_id').notNullable().index();
    t.text('make').notNullable();
    t.text('model').notNullable();
    t.text('fuel').notNullable();
    t.text('colour').notNullable();
    t.date('first_registered').notNullable();
  });
  await knex.schema.withSchema('transport').createTable('driving_licence', (t) => {
    t.text('national_id').primary();
    t.text('licence_number').notNullable().unique();
    t.text('categories').notNullable();
    t.date('issued_on').notNullable();
    t.date('valid_until').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('transport').dropTable('driving_licence');
  await knex.schema.withSchema('transport').dropTable('vehicle');
}
