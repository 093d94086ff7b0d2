import type { Knex } from 'knex';
import { createGatewayTokenUse, dropGatewayTokenUse } from '../shared/gatewayTokenUse';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await createGatewayTokenUse(knex, 'governance');
}

export async function down(knex: Knex): Promise<void> {
  await dropGatewayTokenUse(knex, 'governance');
}
