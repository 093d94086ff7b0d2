import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The first witness of the agencies' access logs: each agency publishes here, at short intervals,
// its log's head (sequence number and hash) and its retention checkpoints, signed with its own
// key. The table lives outside every agency's schema and role: an agency's service role may add
// statements in its own name and read them back, never change or remove one; a trigger refuses
// that to everyone else too. `audit:verify` checks each agency's chain against these statements.
const AGENCY_ROLES = [
  'govgraph_population',
  'govgraph_tax',
  'govgraph_social',
  'govgraph_health',
  'govgraph_transport',
  'govgraph_business',
  'govgraph_governance',
];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').createTable('witnessed_head', (t) => {
    t.bigIncrements('id').primary();
    t.text('agency').notNullable();
    t.text('kind').notNullable().checkIn(['head', 'checkpoint']);
    t.bigInteger('seq').notNullable();
    t.text('hash').notNullable();
    t.timestamp('signed_at', { useTz: true }).notNullable();
    t.text('key_id').notNullable();
    // The compact JWS the agency signed: the columns above are an index, the JWS is the evidence.
    t.text('jws').notNullable();
    t.timestamp('witnessed_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['agency', 'seq']);
  });
  await knex.raw(`
    create function governance.witnessed_head_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        -- An agency's service role speaks only for its own agency.
        if current_user like 'govgraph\\_%' and current_user <> 'govgraph_' || new.agency then
          raise exception 'the witness refuses a statement for % from %', new.agency, current_user
            using errcode = 'insufficient_privilege';
        end if;
        return new;
      end if;
      raise exception 'the witness is insert-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger witnessed_head_guard before insert or update or delete
    on governance.witnessed_head for each row execute function governance.witnessed_head_guard()`);
  await knex.raw(`create trigger witnessed_head_no_truncate before truncate on governance.witnessed_head
    for each statement execute function governance.witnessed_head_guard()`);

  for (const role of AGENCY_ROLES) {
    await knex.raw(`do $$ begin
        if not exists (select from pg_roles where rolname = '${role}') then create role ${role} nologin; end if;
      end $$`);
    await knex.raw(`grant usage on schema governance to ${role}`);
    await knex.raw(`grant select, insert on governance.witnessed_head to ${role}`);
    await knex.raw(`grant usage on sequence governance.witnessed_head_id_seq to ${role}`);
  }
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('governance').dropTable('witnessed_head');
  await knex.raw('drop function governance.witnessed_head_guard()');
}
