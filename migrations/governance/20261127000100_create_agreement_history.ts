import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The register's audit trail: every grant, change and revocation of an agreement, with who made
// it and which terms changed, so that a past version of an agreement can be accounted for.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').createTable('agreement_change', (t) => {
    t.bigIncrements('id').primary();
    t.text('agreement_id')
      .notNullable()
      .references('id')
      .inTable('governance.agreement')
      .onDelete('CASCADE');
    t.integer('version').notNullable();
    t.text('action').notNullable().checkIn(['granted', 'changed', 'revoked']);
    t.specificType('changed_terms', 'text[]').notNullable().defaultTo('{}');
    t.text('reason');
    t.text('changed_by').notNullable();
    t.timestamp('changed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['agreement_id', 'version']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').dropTable('agreement_change');
}
