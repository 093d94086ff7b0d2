import type { AgencyNaming } from '../agencyNaming';

/**
 * The migrations of a new agency's schema, by file name: its register, then its access log,
 * then the record of the gateway tokens its replicas have accepted, then the log's append
 * function.
 */
export function migrationFiles(n: AgencyNaming, day: string): Record<string, string> {
  return {
    [`${day}000100_create_${n.name}_register.ts`]: registerMigration(n),
    [`${day}000200_create_access_log.ts`]: sharedStepMigration(n, {
      module: 'accessLog',
      up: 'createAccessLog',
      down: 'dropAccessLog',
    }),
    [`${day}000300_access_log_head_per_statement.ts`]: sharedStepMigration(n, {
      module: 'accessLogHeadPerStatement',
      up: 'chainPerStatement',
      down: 'chainPerRow',
    }),
    [`${day}000400_gateway_token_use.ts`]: sharedStepMigration(n, {
      module: 'gatewayTokenUse',
      up: 'createGatewayTokenUse',
      down: 'dropGatewayTokenUse',
    }),
    [`${day}000500_access_log_append.ts`]: sharedStepMigration(n, {
      module: 'accessLogAppend',
      up: 'appendAsSet',
      down: 'appendByRow',
    }),
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

/**
 * A migration that applies one step shared by every agency's schema (`migrations/shared/`) to
 * the new one: `up` calls the step, `down` its reverse.
 */
function sharedStepMigration(
  n: AgencyNaming,
  step: { module: string; up: string; down: string },
): string {
  return `import type { Knex } from 'knex';
import { ${[step.up, step.down].sort().join(', ')} } from '../shared/${step.module}';

// Frozen: a migration never imports application code.
export async function up(knex: Knex): Promise<void> {
  await ${step.up}(knex, '${n.name}');
}

export async function down(knex: Knex): Promise<void> {
  await ${step.down}(knex, '${n.name}');
}
`;
}
