import type { Knex } from 'knex';

// Frozen: used by the access-log migration of every schema; never imports application code.

/** The database role an agency's subgraph runs as: it reads its schema and appends to its access log. */
export function serviceRole(schema: string): string {
  return `govgraph_${schema}`;
}

/**
 * Creates `<schema>.access_log`: an append-only, hash-chained record of every release of
 * personal data by the agency. A trigger numbers each record and chains it to the one before
 * (sha256 over the previous hash and the record), keeping the chain's head in a table the
 * service role cannot touch; another trigger refuses updates, truncation and deletes, except
 * of records a retention checkpoint covers (the documented retention job writes the checkpoint
 * first), so the rest of the chain still verifies.
 */
export async function createAccessLog(knex: Knex, schema: string): Promise<void> {
  const role = serviceRole(schema);
  await knex.raw(`do $$ begin
      if not exists (select from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
    end $$`);
  // Whoever migrates may act as the role (SET ROLE), also on servers where creating a role does not imply it.
  await knex.raw(`grant ${role} to current_user`).catch(() => undefined);

  await knex.schema.withSchema(schema).createTable('access_log', (t) => {
    t.bigInteger('seq').primary();
    t.timestamp('logged_at', { useTz: true }).notNullable();
    t.text('request_id').notNullable();
    t.text('subject_id').notNullable();
    t.text('caller_kind').notNullable();
    t.text('caller_subject');
    t.text('organisation');
    t.text('purpose');
    t.text('case_id');
    t.specificType('fields', 'text[]').notNullable();
    t.text('prev_hash').notNullable();
    t.text('hash').notNullable();
    t.index(['subject_id', 'logged_at']);
    t.index(['organisation', 'logged_at']);
    t.index(['logged_at']);
  });
  await knex.schema.withSchema(schema).createTable('access_log_head', (t) => {
    t.integer('id').primary();
    t.bigInteger('last_seq').notNullable();
    t.text('last_hash').notNullable();
  });
  await knex(`${schema}.access_log_head`).insert({ id: 1, last_seq: 0, last_hash: 'genesis' });
  await knex.schema.withSchema(schema).createTable('access_log_checkpoint', (t) => {
    t.bigInteger('seq').primary();
    t.text('hash').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('removed').notNullable();
    t.text('reason').notNullable();
  });

  await knex.raw(`
    create function ${schema}.access_log_chain() returns trigger language plpgsql security definer
    set search_path = pg_catalog as $$
    declare head record;
    begin
      select last_seq, last_hash into head from ${schema}.access_log_head where id = 1 for update;
      new.seq := head.last_seq + 1;
      new.logged_at := clock_timestamp();
      new.prev_hash := head.last_hash;
      new.hash := encode(sha256(convert_to(${canonicalRecordSql('new')}, 'UTF8')), 'hex');
      update ${schema}.access_log_head set last_seq = new.seq, last_hash = new.hash where id = 1;
      return new;
    end $$`);
  await knex.raw(`create trigger access_log_chain before insert on ${schema}.access_log
    for each row execute function ${schema}.access_log_chain()`);
  await knex.raw(`
    create function ${schema}.access_log_append_only() returns trigger language plpgsql as $$
    begin
      -- Only records a retention checkpoint already covers may go: the chain stays verifiable from it.
      if tg_op = 'DELETE' and exists (select 1 from ${schema}.access_log_checkpoint where seq >= old.seq) then
        return old;
      end if;
      raise exception 'the access log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger access_log_append_only before update or delete on ${schema}.access_log
    for each row execute function ${schema}.access_log_append_only()`);
  await knex.raw(`create trigger access_log_no_truncate before truncate on ${schema}.access_log
    for each statement execute function ${schema}.access_log_append_only()`);

  await knex.raw(`grant usage on schema ${schema} to ${role}`);
  await knex.raw(`grant select on all tables in schema ${schema} to ${role}`);
  await knex.raw(
    `revoke all on ${schema}.access_log_head, ${schema}.access_log_checkpoint from ${role}`,
  );
  await knex.raw(`grant select, insert on ${schema}.access_log to ${role}`);
  await knex.raw(`alter default privileges in schema ${schema} grant select on tables to ${role}`);
}

/**
 * The text a record's hash is computed over: each value length-prefixed (`5:hello`, `-` for
 * null), joined by `|`, so that no two records share a text. The verifier computes the same.
 */
export function canonicalRecordSql(row: string): string {
  const part = (expression: string) =>
    `coalesce(length(${expression})::text || ':' || ${expression}, '-')`;
  const parts = [
    `${row}.seq::text`,
    `to_char(${row}.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    `${row}.request_id`,
    `${row}.subject_id`,
    `${row}.caller_kind`,
    `${row}.caller_subject`,
    `${row}.organisation`,
    `${row}.purpose`,
    `${row}.case_id`,
    `array_to_string(${row}.fields, ',')`,
    `${row}.prev_hash`,
  ];
  return parts.map(part).join(` || '|' || `);
}

export async function dropAccessLog(knex: Knex, schema: string): Promise<void> {
  for (const table of ['access_log', 'access_log_head', 'access_log_checkpoint']) {
    await knex.schema.withSchema(schema).dropTableIfExists(table);
  }
  await knex.raw(`drop function if exists ${schema}.access_log_chain()`);
  await knex.raw(`drop function if exists ${schema}.access_log_append_only()`);
}
