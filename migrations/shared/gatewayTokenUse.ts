import type { Knex } from 'knex';
import { serviceRole } from './accessLog';

// Frozen: used by a migration of every agency schema; never imports application code.

/**
 * Creates `<schema>.gateway_token_use`: the ids of the gateway tokens this agency's replicas
 * have accepted, each until its token can no longer be valid, so that a token replayed to
 * another replica of the same subgraph is refused there too. The service role adds ids and
 * prunes expired ones; it cannot change one.
 */
export async function createGatewayTokenUse(knex: Knex, schema: string): Promise<void> {
  await knex.schema.withSchema(schema).createTable('gateway_token_use', (t) => {
    t.text('token_id').primary();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.index(['expires_at']);
  });
  await knex.raw(
    `grant select, insert, delete on ${schema}.gateway_token_use to ${serviceRole(schema)}`,
  );
}

export async function dropGatewayTokenUse(knex: Knex, schema: string): Promise<void> {
  await knex.schema.withSchema(schema).dropTableIfExists('gateway_token_use');
}
