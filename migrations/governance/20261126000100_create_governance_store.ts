import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The governance store: who may read which fields of which agency, for which purpose, under
// which terms (data-sharing agreements), and what citizens have consented to.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').createTable('organisation', (t) => {
    t.text('code').primary();
    t.text('name').notNullable();
    t.text('kind').notNullable().checkIn(['agency', 'public-body', 'private']);
    t.text('description').notNullable().defaultTo('');
  });
  await knex.schema.withSchema('governance').createTable('purpose', (t) => {
    t.text('code').primary();
    t.text('title').notNullable();
    t.text('description').notNullable().defaultTo('');
  });
  await knex.schema.withSchema('governance').createTable('agreement', (t) => {
    t.text('id').primary();
    t.text('title').notNullable();
    t.text('provider').notNullable();
    t.text('consumer').notNullable().references('code').inTable('governance.organisation').index();
    t.specificType('purposes', 'text[]').notNullable();
    t.specificType('fields', 'text[]').notNullable();
    t.text('form').notNullable().checkIn(['full', 'masked']);
    t.text('legal_basis').notNullable();
    t.text('legal_basis_kind').notNullable().checkIn(['law', 'public-task', 'consent', 'contract']);
    t.boolean('special_category').notNullable().defaultTo(false);
    t.text('reuse_terms').notNullable();
    t.boolean('onward_sharing').notNullable().defaultTo(false);
    t.integer('retention_days');
    t.text('licence');
    t.date('valid_from').notNullable();
    t.date('valid_until');
    t.date('review_date');
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'suspended', 'revoked']);
    t.text('revoked_reason');
    t.timestamp('revoked_at', { useTz: true });
    t.integer('version').notNullable().defaultTo(1);
    t.text('changed_by').notNullable().defaultTo('seed');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['provider', 'status']);
  });
  await knex.schema.withSchema('governance').createTable('consent', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.text('subject_id').notNullable();
    t.text('consumer').notNullable().references('code').inTable('governance.organisation');
    t.text('purpose').notNullable().references('code').inTable('governance.purpose');
    t.specificType('fields', 'text[]').notNullable();
    t.text('status').notNullable().defaultTo('active').checkIn(['active', 'withdrawn']);
    t.timestamp('granted_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true });
    t.timestamp('withdrawn_at', { useTz: true });
    t.integer('data_life_days');
    t.index(['subject_id', 'consumer', 'purpose']);
    t.index(['consumer']);
  });
  // One counter that every change bumps: subgraphs poll it (and listen on the channel where the
  // server supports it) to reload policy within a second, without a restart.
  await knex.schema.withSchema('governance').createTable('revision', (t) => {
    t.integer('id').primary();
    t.bigInteger('value').notNullable();
  });
  await knex('governance.revision').insert({ id: 1, value: 1 });
  await knex.raw(`
    create function governance.bump_revision() returns trigger language plpgsql as $$
    begin
      update governance.revision set value = value + 1 where id = 1;
      perform pg_notify('governance_changed', tg_table_name);
      return null;
    end $$;
  `);
  for (const table of ['agreement', 'consent']) {
    await knex.raw(
      `create trigger ${table}_changed after insert or update or delete on governance.${table}
       for each statement execute function governance.bump_revision()`,
    );
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop schema governance cascade');
  await knex.raw('create schema governance');
}
