import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// Separated duties: a new or widened agreement is first a proposal, which takes effect only when
// the data controller of the providing agency approves it. The register keeps every proposal,
// the approval in the agreement's history, and which organisation controls each agency's data.

/** Replaces the value check of a column, whatever name the database gave it. */
async function replaceCheck(knex: Knex, table: string, column: string, values: string[]) {
  const { rows } = await knex.raw<{ rows: { conname: string }[] }>(
    `select conname from pg_constraint
      where conrelid = ?::regclass and contype = 'c' and pg_get_constraintdef(oid) like ?`,
    [`governance.${table}`, `%${column}%`],
  );
  for (const { conname } of rows) {
    await knex.raw('alter table ?? drop constraint ??', [`governance.${table}`, conname]);
  }
  // DDL takes no bind parameters: the constant values are quoted by knex, not interpolated.
  const list = values.map((value) => knex.raw('?', [value]).toQuery()).join(', ');
  await knex.raw(`alter table ?? add constraint ?? check (?? in (${list}))`, [
    `governance.${table}`,
    `${table}_${column}_check`,
    column,
  ]);
}

export async function up(knex: Knex): Promise<void> {
  // A proposed agreement is in the register but never in force.
  await replaceCheck(knex, 'agreement', 'status', ['proposed', 'active', 'suspended', 'revoked']);
  await replaceCheck(knex, 'agreement_change', 'action', [
    'granted',
    'approved',
    'changed',
    'revoked',
  ]);
  await knex.schema.withSchema('governance').alterTable('agreement_change', (t) => {
    t.text('proposed_by');
    t.timestamp('proposed_at', { useTz: true });
  });
  await knex.schema.withSchema('governance').createTable('agreement_proposal', (t) => {
    t.bigIncrements('id').primary();
    t.text('agreement_id')
      .notNullable()
      .references('id')
      .inTable('governance.agreement')
      .onDelete('CASCADE');
    // The version the agreement will have once the proposal is approved.
    t.integer('version').notNullable();
    // The version in force when it was proposed (0 for a new agreement).
    t.integer('base_version').notNullable();
    t.jsonb('terms').notNullable();
    t.specificType('changed_terms', 'text[]').notNullable().defaultTo('{}');
    t.specificType('grounds', 'text[]').notNullable().defaultTo('{}');
    t.text('reason');
    t.text('state')
      .notNullable()
      .defaultTo('pending')
      .checkIn(['pending', 'approved', 'superseded']);
    t.text('proposed_by').notNullable();
    t.timestamp('proposed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('decided_by');
    t.timestamp('decided_at', { useTz: true });
    t.unique(['agreement_id', 'version']);
  });
  await knex.raw(
    `create unique index agreement_proposal_one_pending on governance.agreement_proposal (agreement_id) where state = 'pending'`,
  );
  await knex.schema.withSchema('governance').createTable('data_controller', (t) => {
    t.text('agency').primary();
    t.text('organisation')
      .notNullable()
      .references('code')
      .inTable('governance.organisation')
      .index();
  });
  await knex.raw(
    `grant select, insert, update on governance.agreement_proposal to govgraph_governance`,
  );
  await knex.raw(`grant select on governance.data_controller to govgraph_governance`);
  await knex.raw(`grant usage on all sequences in schema governance to govgraph_governance`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').dropTable('data_controller');
  await knex.schema.withSchema('governance').dropTable('agreement_proposal');
  await knex('governance.agreement_change')
    .where({ action: 'approved' })
    .update({ action: 'granted' });
  await knex.schema.withSchema('governance').alterTable('agreement_change', (t) => {
    t.dropColumn('proposed_by');
    t.dropColumn('proposed_at');
  });
  await replaceCheck(knex, 'agreement_change', 'action', ['granted', 'changed', 'revoked']);
  await knex('governance.agreement').where({ status: 'proposed' }).delete();
  await replaceCheck(knex, 'agreement', 'status', ['active', 'suspended', 'revoked']);
}
