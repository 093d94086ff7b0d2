import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { logLevelField, portField } from '../platform/config/envFields';
import { loadConfig } from '../platform/config/loadConfig';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../platform/db/embeddedPostgres';
import { createLogger } from '../platform/logging/logger';
import { loadDemoConfig } from '../demo/demoConfig';
import { prepareDatabase } from '../demo/prepareDatabase';
import { progressLine } from '../demo/progressLine';
import { SHOWCASE } from '../demo/showcase';
import { profileEnvFields, profileSettingsFromEnv } from '../gateway/profiles/profileEnv';
import { DEMO_TRUSTED_DOCUMENTS } from '../demo/trustedDocuments';
import { startLocalFederation } from './startLocalFederation';
import { stopOnSignals } from '../platform/server/stopOnSignals';
import { startTracing } from '../platform/tracing/startTracing';
import { loadTracingConfig } from '../platform/tracing/tracingConfig';
import { takeOverTerminationSignals } from '../gateway/takeOverTerminationSignals';

const startEnvSchema = z.object({
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  GATEWAY_PORT: portField.default(4000),
  LOG_LEVEL: logLevelField.default('warn'),
  // The demo profile unless told otherwise: explorer, introspection and suggestions on.
  ...profileEnvFields('demo'),
});

/**
 * `npm start -- [--people N] [--seed S] [--reset]`: the whole federation in one command. Without
 * DATABASE_URL it runs on an embedded PostgreSQL seeded with the demo country; with it, it
 * migrates that server and seeds the demo country if the register is empty (--reset rebuilds it).
 */
runMain(async () => {
  const { values, tokens } = parseArgs({
    args: process.argv.slice(2),
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    tokens: true,
  });
  const demoArgs = tokens.flatMap((t) =>
    t.kind === 'option' && t.name !== 'reset' ? [t.rawName, t.value ?? ''] : [],
  );
  const demo = loadDemoConfig('start', process.env, demoArgs);
  const env = loadConfig('start', startEnvSchema, process.env);
  const tracingConfig = loadTracingConfig('start', 'govgraph', process.env);
  const logger = createLogger('govgraph', env.LOG_LEVEL);
  const say = (line: string) => process.stdout.write(`${line}\n`);

  let embedded: EmbeddedPostgres | null = null;
  if (!demo.databaseUrl) {
    say('starting the embedded PostgreSQL (PGlite)…');
    embedded = await startEmbeddedPostgres({ maxConnections: 100 });
  }
  const databaseUrl = demo.databaseUrl ?? embedded!.url;
  const db = createDb({ url: databaseUrl });
  const prepared = await prepareDatabase(db, {
    seed: demo.seed,
    people: demo.people,
    reset: values.reset || embedded !== null,
    seedIfEmpty: true,
    onProgress: progressLine('seeding the demo country'),
  });
  await db.destroy();
  say(
    prepared.action === 'migrated'
      ? 'database migrated; its data was kept (use --reset to rebuild the demo country)'
      : `demo country ready: ${prepared.people.toLocaleString('en')} people`,
  );

  // Started after seeding, whose statements are no one's request. All services of this
  // process share its one service name; run them separately to tell them apart by resource.
  const tracing = startTracing(tracingConfig);
  const federation = await startLocalFederation({
    databaseUrl,
    host: env.GATEWAY_HOST,
    subgraphPorts: 'default',
    gatewayPort: env.GATEWAY_PORT,
    logger,
    watchSupergraph: true,
    embeddedDatabase: embedded !== null,
    profile: profileSettingsFromEnv(env, env.GATEWAY_PORT),
    trustedDocuments: DEMO_TRUSTED_DOCUMENTS,
  });
  for (const [agency, { url }] of Object.entries(federation.subgraphs))
    say(`  ${agency.padEnd(10)} ${url}`);
  say(`\ngovgraph is up. Explorer and endpoint: ${federation.gatewayUrl}`);
  say(
    'Try it as a caseworker of the Social Insurance Board (other personas: npm run token -- --help):',
  );
  say(`  TOKEN=$(npm run --silent token -- caseworker)`);
  say(`  curl -s ${federation.gatewayUrl} -H 'content-type: application/json' \\`);
  say(`       -H "authorization: Bearer $TOKEN" -H 'x-purpose: benefit-eligibility' \\`);
  say(
    `       -d '{"query":"{ person(nationalId: \\"${SHOWCASE.nationalId}\\") { givenName familyName address { city } } }"}'`,
  );
  say(`Subgraphs answer only the gateway: a request straight to one gets 401.`);

  // The gateway runtime's own listeners would abort requests in flight at the signal.
  takeOverTerminationSignals();
  stopOnSignals(
    async () => {
      say('stopping…');
      await federation.stop();
      await embedded?.stop();
      await tracing.shutdown();
    },
    { logger },
  );
});
