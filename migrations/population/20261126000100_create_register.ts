import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('population').createTable('address', (t) => {
    t.integer('id').primary();
    t.text('street').notNullable();
    t.text('postal_code').notNullable();
    t.text('city').notNullable();
    t.text('municipality').notNullable();
  });
  await knex.schema.withSchema('population').createTable('household', (t) => {
    t.integer('id').primary();
    t.integer('address_id').notNullable().references('id').inTable('population.address').index();
  });
  await knex.schema.withSchema('population').createTable('person', (t) => {
    t.text('national_id').primary();
    t.text('given_name').notNullable();
    t.text('family_name').notNullable();
    t.date('date_of_birth').notNullable();
    t.specificType('sex', 'char(1)').notNullable();
    t.date('date_of_death');
    t.integer('household_id').references('id').inTable('population.household').index();
    t.integer('address_id').references('id').inTable('population.address').index();
  });
  await knex.schema.withSchema('population').createTable('parent_child', (t) => {
    t.text('parent_id').notNullable().references('national_id').inTable('population.person');
    t.text('child_id').notNullable().references('national_id').inTable('population.person').index();
    t.primary(['parent_id', 'child_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['parent_child', 'person', 'household', 'address']) {
    await knex.schema.withSchema('population').dropTable(table);
  }
}
