import type { AgencyNaming } from '../agencyNaming';

/**
 * The migrations of a new agency's schema, by file name: its register, then its access log,
 * then the record of the gateway tokens its replicas have accepted, then the log's append
 * function.
 */
export function migrationFiles(n: AgencyNaming, day: string): Record<string, string> {
  return {
    [`${day}000100_create_${n.name}_register.ts`]: registerMigration(n),
    [`${day}000200_create_access_log.ts`]: accessLogMigration(n),
    [`${day}000300_access_log_head_per_statement.ts`]: headPerStatementMigration(n),
    [`${day}000400_gateway_token_use.ts`]: gatewayTokenUseMigration(n),
    [`${day}000500_access_log_append.ts`]: appendMigration(n),
  };
}

function registerMigration(n: AgencyNaming): string {
  return `import type { Knex } from 'knex';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.withSchema('${n.name}').createTable('record', (t) => {
    t.text('reference').primary();
    t.text('holder_id').notNullable().index();
    t.text('title').notNullable();
    t.date('issued_on').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.withSchema('${n.name}').dropTable('record');
}
`;
}

function accessLogMigration(n: AgencyNaming): string {
  return `import type { Knex } from 'knex';
import { createAccessLog, dropAccessLog } from '../shared/accessLog';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await createAccessLog(knex, '${n.name}');
}

export async function down(knex: Knex): Promise<void> {
  await dropAccessLog(knex, '${n.name}');
}
`;
}

function headPerStatementMigration(n: AgencyNaming): string {
  return `import type { Knex } from 'knex';
import { chainPerRow, chainPerStatement } from '../shared/accessLogHeadPerStatement';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await chainPerStatement(knex, '${n.name}');
}

export async function down(knex: Knex): Promise<void> {
  await chainPerRow(knex, '${n.name}');
}
`;
}

function gatewayTokenUseMigration(n: AgencyNaming): string {
  return `import type { Knex } from 'knex';
import { createGatewayTokenUse, dropGatewayTokenUse } from '../shared/gatewayTokenUse';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await createGatewayTokenUse(knex, '${n.name}');
}

export async function down(knex: Knex): Promise<void> {
  await dropGatewayTokenUse(knex, '${n.name}');
}
`;
}

function appendMigration(n: AgencyNaming): string {
  return `import type { Knex } from 'knex';
import { appendAsSet, appendByRow } from '../shared/accessLogAppend';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await appendAsSet(knex, '${n.name}');
}

export async function down(knex: Knex): Promise<void> {
  await appendByRow(knex, '${n.name}');
}
`;
}
