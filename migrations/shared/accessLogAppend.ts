import type { Knex } from 'knex';
import { canonicalRecordSql, serviceRole } from './accessLog';

// Frozen: used by a migration of every schema with an access log; never imports application code.

/** Set, for its own duration, by the append function: the row triggers then stand aside. */
const APPENDING = 'govgraph.chained_append';

/** The append function's argument types, which name it in grants and drops. */
const ARGUMENTS =
  'int[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text[]';

/**
 * Appends the records of one statement as a set: `<schema>.append_access_records(...)` locks
 * the chain's head once, numbers and hashes every record in one pass, inserts them in one
 * statement and moves the head once. The row trigger did the same work with two lookups and a
 * function call per record, which made a page of 20 people with their households cost the
 * database four times what reading them did.
 *
 * The service role may no longer insert into the log itself: it may only call this function
 * (as may no other role), which computes every number and hash from the records' contents, so
 * no caller steers what a record chains to. Any other insert, by a role that still may (the
 * owner), is chained by the row trigger as before; the triggers skip only the function's own
 * insert, recognised by a setting the function holds for its duration.
 *
 * Records are given as arrays: per record its request's number, subject and fields (joined by
 * commas); per request its id, caller kind, caller subject, organisation, purpose, case and
 * gateway token id (or null). A request whose token id is not among `admitted` is skipped;
 * arrays that do not line up are refused, so that no record is dropped on the way. Returns how
 * many records were appended.
 */
export async function appendAsSet(knex: Knex, schema: string): Promise<void> {
  const role = serviceRole(schema);
  await knex.raw(`
    create function ${schema}.append_access_records(
      entry_request int[], entry_subject text[], entry_fields text[],
      request_id text[], caller_kind text[], caller_subject text[], organisation text[],
      purpose text[], case_id text[], request_token text[], admitted text[]
    ) returns integer language plpgsql security definer
    set search_path = pg_catalog
    set ${APPENDING} = 'on'
    as $$
    declare
      head record;
      newest record;
      entry record;
      r ${schema}.access_log;
      n integer := 0;
      positions bigint[] := '{}';
      seqs bigint[] := '{}';
      times timestamptz[] := '{}';
      prevs text[] := '{}';
      hashes text[] := '{}';
    begin
      -- Arrays that do not line up would drop records in the join below: refused instead.
      if cardinality(entry_subject) <> cardinality(entry_request)
         or cardinality(entry_fields) <> cardinality(entry_request)
         or cardinality(caller_kind) <> cardinality(request_id)
         or cardinality(caller_subject) <> cardinality(request_id)
         or cardinality(organisation) <> cardinality(request_id)
         or cardinality(purpose) <> cardinality(request_id)
         or cardinality(case_id) <> cardinality(request_id)
         or cardinality(request_token) <> cardinality(request_id)
         or exists (select from unnest(entry_request) as e(request_no)
                     where e.request_no is null or e.request_no < 1
                        or e.request_no > cardinality(request_id)) then
        raise exception 'append_access_records: the records and their requests do not line up'
          using errcode = 'invalid_parameter_value';
      end if;
      select last_seq, last_hash into head from ${schema}.access_log_head where id = 1 for update;
      -- Rows the head does not cover yet: inserted earlier in this transaction.
      select a.seq, a.hash into newest from ${schema}.access_log a where a.seq > head.last_seq
        order by a.seq desc limit 1;
      if found then
        r.seq := newest.seq;
        r.hash := newest.hash;
      else
        r.seq := head.last_seq;
        r.hash := head.last_hash;
      end if;
      for entry in
        select e.position, q.request_id, e.subject_id, q.caller_kind, q.caller_subject,
               q.organisation, q.purpose, q.case_id, e.fields
          from unnest(entry_request, entry_subject, entry_fields) with ordinality
                 as e(request_no, subject_id, fields, position)
          join unnest(request_id, caller_kind, caller_subject, organisation, purpose, case_id,
                      request_token) with ordinality
                 as q(request_id, caller_kind, caller_subject, organisation, purpose, case_id,
                      token_id, request_no)
            on q.request_no = e.request_no
         where q.token_id is null or q.token_id = any(admitted)
         order by e.position
      loop
        r.seq := r.seq + 1;
        r.prev_hash := r.hash;
        r.logged_at := clock_timestamp();
        r.request_id := entry.request_id;
        r.subject_id := entry.subject_id;
        r.caller_kind := entry.caller_kind;
        r.caller_subject := entry.caller_subject;
        r.organisation := entry.organisation;
        r.purpose := entry.purpose;
        r.case_id := entry.case_id;
        r.fields := string_to_array(entry.fields, ',');
        r.hash := encode(sha256(convert_to(${canonicalRecordSql('r')}, 'UTF8')), 'hex');
        n := n + 1;
        positions[n] := entry.position;
        seqs[n] := r.seq;
        times[n] := r.logged_at;
        prevs[n] := r.prev_hash;
        hashes[n] := r.hash;
      end loop;
      if n = 0 then
        return 0;
      end if;
      insert into ${schema}.access_log (seq, logged_at, request_id, subject_id, caller_kind,
          caller_subject, organisation, purpose, case_id, fields, prev_hash, hash)
        select c.seq, c.logged_at, q.request_id, e.subject_id, q.caller_kind, q.caller_subject,
               q.organisation, q.purpose, q.case_id, string_to_array(e.fields, ','), c.prev_hash,
               c.hash
          from unnest(positions, seqs, times, prevs, hashes)
                 as c(position, seq, logged_at, prev_hash, hash)
          join unnest(entry_request, entry_subject, entry_fields) with ordinality
                 as e(request_no, subject_id, fields, position) on e.position = c.position
          join unnest(request_id, caller_kind, caller_subject, organisation, purpose, case_id)
                 with ordinality
                 as q(request_id, caller_kind, caller_subject, organisation, purpose, case_id,
                      request_no)
            on q.request_no = e.request_no
         order by c.seq;
      update ${schema}.access_log_head set last_seq = r.seq, last_hash = r.hash where id = 1;
      return n;
    end $$`);
  await setTriggersAside(knex, schema, true);
  await knex.raw(
    `revoke all on function ${schema}.append_access_records(${ARGUMENTS}) from public`,
  );
  await knex.raw(
    `grant execute on function ${schema}.append_access_records(${ARGUMENTS}) to ${role}`,
  );
  await knex.raw(`revoke insert on ${schema}.access_log from ${role}`);
}

/** Back to inserts by the service role, each row chained by the trigger. */
export async function appendByRow(knex: Knex, schema: string): Promise<void> {
  await knex.raw(`grant insert on ${schema}.access_log to ${serviceRole(schema)}`);
  await setTriggersAside(knex, schema, false);
  await knex.raw(`drop function if exists ${schema}.append_access_records(${ARGUMENTS})`);
}

/** The chain's two triggers, standing aside for the append function's insert or not. */
async function setTriggersAside(knex: Knex, schema: string, aside: boolean): Promise<void> {
  const when = aside ? `when (current_setting('${APPENDING}', true) is distinct from 'on')` : '';
  await knex.raw(`drop trigger access_log_chain on ${schema}.access_log`);
  await knex.raw(`create trigger access_log_chain before insert on ${schema}.access_log
    for each row ${when} execute function ${schema}.access_log_chain()`);
  await knex.raw(`drop trigger access_log_head_advance on ${schema}.access_log`);
  await knex.raw(`create trigger access_log_head_advance after insert on ${schema}.access_log
    for each statement ${when} execute function ${schema}.access_log_head_advance()`);
}
