import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The statistics log records refused tables too: each record says whether its table was
// released or refused, and why. Records written before this migration keep their format (1)
// and the hash they were chained with; new records are format 2, whose hash also covers the
// outcome, the refusal and the format itself.

const part = (expression: string) =>
  `coalesce(length(${expression})::text || ':' || ${expression}, '-')`;

const FORMAT_1 = [
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
];

const FORMAT_2 = [...FORMAT_1, 'new.outcome', 'new.refusal', 'new.format::text'];

const chainFunction = (parts: string[], setFormat: string) => `
  create or replace function governance.statistics_log_chain() returns trigger language plpgsql security definer
  set search_path = pg_catalog as $$
  declare head record;
  begin
    select last_seq, last_hash into head from governance.statistics_log_head where id = 1 for update;
    new.seq := head.last_seq + 1;
    new.logged_at := clock_timestamp();
    new.prev_hash := head.last_hash;
    ${setFormat}
    new.hash := encode(sha256(convert_to(${parts.map(part).join(` || '|' || `)}, 'UTF8')), 'hex');
    update governance.statistics_log_head set last_seq = new.seq, last_hash = new.hash where id = 1;
    return new;
  end $$`;

/** The chain trigger's function for each format (the statistics log's tests swap them). */
export const CHAIN_FUNCTION = {
  1: chainFunction(FORMAT_1, ''),
  2: chainFunction(FORMAT_2, 'new.format := 2;'),
};

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table governance.statistics_log
    add column format smallint not null default 1,
    add column outcome text not null default 'released',
    add column refusal text`);
  await knex.raw(`alter table governance.statistics_log
    add constraint statistics_log_outcome check (
      (outcome = 'released' and refusal is null) or (outcome = 'refused' and refusal is not null))`);
  await knex.raw(CHAIN_FUNCTION[2]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(CHAIN_FUNCTION[1]);
  await knex.raw(`alter table governance.statistics_log
    drop constraint statistics_log_outcome,
    drop column refusal,
    drop column outcome,
    drop column format`);
}
