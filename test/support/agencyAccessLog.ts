import type { Knex } from 'knex';
import { createAccessLog } from '../../migrations/shared/accessLog';
import { appendAsSet } from '../../migrations/shared/accessLogAppend';
import { chainPerStatement } from '../../migrations/shared/accessLogHeadPerStatement';
import { createGatewayTokenUse } from '../../migrations/shared/gatewayTokenUse';

/**
 * An access log in `schema` as the agencies' migrations leave theirs today: chained, with its
 * head moved once per statement, its append function, and the record of gateway tokens used.
 */
export async function createAgencyAccessLog(knex: Knex, schema: string): Promise<void> {
  await createAccessLog(knex, schema);
  await chainPerStatement(knex, schema);
  await appendAsSet(knex, schema);
  await createGatewayTokenUse(knex, schema);
}
