import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('tax').createTable('income_assessment', (t) => {
    t.text('national_id').notNullable();
    t.integer('year').notNullable();
    t.decimal('taxable_income', 14, 2).notNullable();
    t.decimal('tax_paid', 14, 2).notNullable();
    t.primary(['national_id', 'year']);
  });
  await knex.schema.withSchema('tax').createTable('tax_debt', (t) => {
    t.text('party_kind').notNullable().checkIn(['person', 'company']);
    t.text('party_id').notNullable();
    t.decimal('amount', 14, 2).notNullable();
    t.date('overdue_since').notNullable();
    t.primary(['party_kind', 'party_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('tax').dropTable('tax_debt');
  await knex.schema.withSchema('tax').dropTable('income_assessment');
}
