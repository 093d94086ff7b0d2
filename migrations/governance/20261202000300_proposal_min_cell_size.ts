import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The minimum cell size becomes a term of an agreement that changes go through: proposals
// recorded before it was one get the size of their agreement, so that approving them keeps it.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `update governance.agreement_proposal p
        set terms = p.terms || jsonb_build_object('minCellSize', a.min_cell_size)
       from governance.agreement a
      where a.id = p.agreement_id and p.terms -> 'minCellSize' is null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`update governance.agreement_proposal set terms = terms - 'minCellSize'`);
}
