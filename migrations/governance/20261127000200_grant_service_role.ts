import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
// The governance service's role keeps the register: it grants, changes and revokes agreements
// and records consents, but never deletes; history stays.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `grant select, insert, update on governance.agreement, governance.consent, governance.revision to govgraph_governance`,
  );
  await knex.raw(`grant select, insert on governance.agreement_change to govgraph_governance`);
  await knex.raw(`grant usage on all sequences in schema governance to govgraph_governance`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `revoke insert, update on governance.agreement, governance.consent, governance.revision from govgraph_governance`,
  );
  await knex.raw(`revoke insert on governance.agreement_change from govgraph_governance`);
}
