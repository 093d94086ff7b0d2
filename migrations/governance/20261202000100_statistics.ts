import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// Statistics with disclosure control: the smallest cell an agreement lets be published, the
// privacy budget of each organisation and purpose (epsilon spent on noisy tables), and one
// hash-chained, append-only record per statistics request (who, why, which table, epsilon).
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'alter table governance.agreement add column min_cell_size integer not null default 10 check (min_cell_size >= 1)',
  );
  await knex.schema.withSchema('governance').createTable('privacy_budget', (t) => {
    t.text('organisation').notNullable().references('code').inTable('governance.organisation');
    t.text('purpose').notNullable().references('code').inTable('governance.purpose');
    t.double('epsilon_total').notNullable();
    t.double('epsilon_spent').notNullable().defaultTo(0);
    t.primary(['organisation', 'purpose']);
    t.check('?? > 0', ['epsilon_total']);
    t.check('?? >= 0 and ?? <= ??', ['epsilon_spent', 'epsilon_spent', 'epsilon_total']);
  });
  await knex.schema.withSchema('governance').createTable('statistics_log', (t) => {
    t.bigInteger('seq').primary();
    t.timestamp('logged_at', { useTz: true }).notNullable();
    t.text('request_id').notNullable();
    t.text('organisation').notNullable();
    t.text('caller_subject').notNullable();
    t.text('purpose').notNullable();
    t.text('case_id');
    t.text('population').notNullable();
    t.text('measure').notNullable();
    t.text('numeric_variable');
    t.specificType('dimensions', 'text[]').notNullable();
    t.double('epsilon');
    t.integer('cells').notNullable();
    t.integer('suppressed').notNullable();
    t.text('prev_hash').notNullable();
    t.text('hash').notNullable();
    t.index(['organisation', 'logged_at']);
  });
  await knex.schema.withSchema('governance').createTable('statistics_log_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('last_seq').notNullable();
    t.text('last_hash').notNullable();
  });
  await knex('governance.statistics_log_head').insert({ id: 1, last_seq: 0, last_hash: 'genesis' });
  const part = (expression: string) =>
    `coalesce(length(${expression})::text || ':' || ${expression}, '-')`;
  const canonical = [
    'new.seq::text',
    `to_char(new.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    'new.request_id',
    'new.organisation',
    'new.caller_subject',
    'new.purpose',
    'new.case_id',
    'new.population',
    'new.measure',
    'new.numeric_variable',
    `array_to_string(new.dimensions, ',')`,
    'new.epsilon::text',
    'new.cells::text',
    'new.suppressed::text',
    'new.prev_hash',
  ]
    .map(part)
    .join(` || '|' || `);
  await knex.raw(`
    create function governance.statistics_log_chain() returns trigger language plpgsql security definer
    set search_path = pg_catalog as $$
    declare head record;
    begin
      select last_seq, last_hash into head from governance.statistics_log_head where id = 1 for update;
      new.seq := head.last_seq + 1;
      new.logged_at := clock_timestamp();
      new.prev_hash := head.last_hash;
      new.hash := encode(sha256(convert_to(${canonical}, 'UTF8')), 'hex');
      update governance.statistics_log_head set last_seq = new.seq, last_hash = new.hash where id = 1;
      return new;
    end $$`);
  await knex.raw(`create trigger statistics_log_chain before insert on governance.statistics_log
    for each row execute function governance.statistics_log_chain()`);
  await knex.raw(`
    create function governance.statistics_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the statistics log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger statistics_log_append_only before update or delete on governance.statistics_log
    for each row execute function governance.statistics_log_append_only()`);
  await knex.raw(`create trigger statistics_log_no_truncate before truncate on governance.statistics_log
    for each statement execute function governance.statistics_log_append_only()`);
  await knex.raw(`grant select, insert on governance.statistics_log to govgraph_governance`);
  await knex.raw(`grant select, update on governance.privacy_budget to govgraph_governance`);
  await knex.raw(`revoke all on governance.statistics_log_head from govgraph_governance`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table governance.statistics_log');
  await knex.raw('drop table governance.statistics_log_head');
  await knex.raw('drop function governance.statistics_log_chain()');
  await knex.raw('drop function governance.statistics_log_append_only()');
  await knex.raw('drop table governance.privacy_budget');
  await knex.raw('alter table governance.agreement drop column min_cell_size');
}
