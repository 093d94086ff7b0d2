import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The register is listed in the order of a random key, not of the national ID: a national ID
// encodes sex and date of birth, so its order (and a cursor holding one) would reveal them.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'alter table population.person add column list_key uuid not null default gen_random_uuid()',
  );
  await knex.raw('create unique index person_list_key_unique on population.person (list_key)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index population.person_list_key_unique');
  await knex.raw('alter table population.person drop column list_key');
}
