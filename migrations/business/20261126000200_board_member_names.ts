import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The register files each board member's name with the seat: it is public by law, unlike the
// rest of the person's data, which stays with the population register.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('business').alterTable('board_member', (t) => {
    t.text('name').notNullable().defaultTo('');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('business').alterTable('board_member', (t) => {
    t.dropColumn('name');
  });
}
