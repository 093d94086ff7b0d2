import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// Statistics read one assessment year of every taxpayer: an index by year (carrying the values
// they read) lets that be an index-only scan instead of a pass over every year.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'create index income_assessment_year on tax.income_assessment (year) include (national_id, taxable_income, tax_paid)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index tax.income_assessment_year');
}
