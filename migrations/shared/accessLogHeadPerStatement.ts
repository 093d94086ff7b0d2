import type { Knex } from 'knex';
import { canonicalRecordSql } from './accessLog';

// Frozen: used by a migration of every schema with an access log; never imports application code.

/**
 * Chains each row to the newest row already in the log instead of updating the head row once
 * per row, and moves the head once per statement: updating one row N times in a transaction
 * leaves N versions of it for every later lock to walk, so a request recording 10,000 people
 * took time quadratic in their number. Each row still locks the head first, so writers still
 * take turns until commit; the newest row is found by the primary key among those the head
 * does not cover yet (rows of this transaction), else the head itself (an emptied log). Every
 * row is numbered and hashed exactly as before, and no client can steer what it chains to.
 */
export async function chainPerStatement(knex: Knex, schema: string): Promise<void> {
  await knex.raw(`
    create or replace function ${schema}.access_log_chain() returns trigger language plpgsql security definer
    set search_path = pg_catalog as $$
    declare head record; newest record;
    begin
      select last_seq, last_hash into head from ${schema}.access_log_head where id = 1 for update;
      select seq, hash into newest from ${schema}.access_log where seq > head.last_seq
        order by seq desc limit 1;
      if found then
        new.seq := newest.seq + 1;
        new.prev_hash := newest.hash;
      else
        new.seq := head.last_seq + 1;
        new.prev_hash := head.last_hash;
      end if;
      new.logged_at := clock_timestamp();
      new.hash := encode(sha256(convert_to(${canonicalRecordSql('new')}, 'UTF8')), 'hex');
      return new;
    end $$`);
  await knex.raw(`
    create function ${schema}.access_log_head_advance() returns trigger language plpgsql security definer
    set search_path = pg_catalog as $$
    declare head record; newest record;
    begin
      select last_seq into head from ${schema}.access_log_head where id = 1 for update;
      select seq, hash into newest from ${schema}.access_log where seq > head.last_seq
        order by seq desc limit 1;
      if found then
        update ${schema}.access_log_head set last_seq = newest.seq, last_hash = newest.hash where id = 1;
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger access_log_head_advance after insert on ${schema}.access_log
    for each statement execute function ${schema}.access_log_head_advance()`);
}

/** Back to one head update per row (the chain function of createAccessLog). */
export async function chainPerRow(knex: Knex, schema: string): Promise<void> {
  await knex.raw(`drop trigger if exists access_log_head_advance on ${schema}.access_log`);
  await knex.raw(`drop function if exists ${schema}.access_log_head_advance()`);
  await knex.raw(`
    create or replace function ${schema}.access_log_chain() returns trigger language plpgsql security definer
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
}
