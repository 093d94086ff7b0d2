import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AGENCY_NAMES } from '../platform/agencies';
import { runMain } from '../platform/config/runMain';
import { createDb, type Db } from '../platform/db/createDb';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../platform/db/embeddedPostgres';
import { createLogger } from '../platform/logging/logger';
import { verifyAccessLog } from '../platform/accessLog/verifyAccessLog';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { resetDemoCountry } from '../demo/resetDemoCountry';
import { progressLine } from '../demo/progressLine';
import { startLocalFederation } from './startLocalFederation';

interface Sample {
  ms: number;
  ok: boolean;
}

/**
 * `npm run bench -- [--people N] [--seconds S] [--concurrency C] [--logged N]`: figures, not
 * assertions. Runs the federation in this process on a database of its own (embedded, or a new
 * database on the DATABASE_URL server), drives it with distinct callers and subjects as real
 * traffic would (so in-flight de-duplication cannot flatter it), and checks that N requests
 * leave exactly N access-log records per agency read.
 */
runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      people: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '20' },
      logged: { type: 'string', default: '500' },
      'tracker-records': { type: 'string', default: '100000' },
    },
  });
  const people = Number(values.people);
  const seconds = Number(values.seconds);
  const concurrency = Number(values.concurrency);
  const logged = Number(values.logged);
  const trackerRecords = Number(values['tracker-records']);

  const { url, cleanup, where } = await benchDatabase(process.env.DATABASE_URL);
  const db = createDb({ url, poolSize: 4 });
  let stopFederation: (() => Promise<void>) | undefined;
  try {
    process.stdout.write(`database: ${where}\n`);
    await resetDemoCountry(db, {
      seed: 'govgraph-demo',
      people,
      onProgress: progressLine('seeding people'),
    });
    const federation = await startLocalFederation({
      databaseUrl: url,
      host: '127.0.0.1',
      subgraphPorts: 'ephemeral',
      gatewayPort: 0,
      logger: createLogger('bench', 'error'),
      poolSize: 10,
      embeddedDatabase: where.startsWith('embedded'),
    });
    stopFederation = federation.stop;
    const ids: string[] = await db('population.person')
      .orderBy('national_id')
      .limit(2000)
      .pluck('national_id');
    const caseworker = `Bearer ${await mintDemoToken('caseworker')}`;
    const headers = {
      'content-type': 'application/json',
      authorization: caseworker,
      'x-purpose': 'benefit-eligibility',
    };
    const post = async (query: string, extra: Record<string, string> = {}) => {
      const started = performance.now();
      const response = await fetch(federation.gatewayUrl, {
        method: 'POST',
        headers: { ...headers, ...extra },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[] };
      return { ms: performance.now() - started, ok: response.ok && !body.errors };
    };

    const companies: string[] = await db('business.company')
      .orderBy('registry_code')
      .limit(500)
      .pluck('registry_code');
    const scenarios: [string, (i: number) => string][] = [
      [
        'public company data (no personal data, nothing logged)',
        (i) =>
          `{ company(registryCode: "${companies[i % companies.length]}") { name status founded boardSeats { name role } } }`,
      ],
      [
        'one person, three agencies (distinct subjects)',
        (i) =>
          `{ person(nationalId: "${ids[i % ids.length]}") { givenName address { city } incomeAssessments { year taxableIncome } benefitClaims { benefit } } }`,
      ],
      [
        'a page of 20 people with household and income',
        (i) =>
          `{ people(first: 20, after: null) { nodes { givenName household { members { givenName } } incomeAssessments(year: ${2021 + (i % 5)}) { taxableIncome } } } }`,
      ],
    ];
    for (const [name, query] of scenarios) {
      const samples = await load(seconds, concurrency, (i) =>
        post(query(i), { 'x-case-id': `BENCH-${i}` }),
      );
      report(name, samples, seconds);
    }

    // Every access recorded, exactly once, whatever the concurrency.
    const run = randomBytes(4).toString('hex');
    let sent = 0;
    const results = await load(600, concurrency, async (i) => {
      if (i >= logged) return null;
      sent += 1;
      return post(
        `{ person(nationalId: "${ids[i % ids.length]}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`,
        // Request ids are the gateway's own: the run is told apart by its case references.
        { 'x-case-id': `bench-${run}-${i}` },
      );
    });
    const failed = results.filter((r) => !r.ok).length;
    const counts: Record<string, number> = {};
    for (const schema of ['population', 'tax']) {
      const [{ n }] = await db(`${schema}.access_log`)
        .where('case_id', 'like', `bench-${run}-%`)
        .count<{ n: number }[]>({ n: '*' });
      counts[schema] = Number(n);
    }
    const broken = [];
    for (const schema of AGENCY_NAMES)
      if ((await verifyAccessLog(db, schema)).problem) broken.push(schema);
    process.stdout.write(
      `access log: ${sent} requests (${failed} failed) -> population ${counts.population} records, tax ${counts.tax} records ` +
        `(expected ${sent} each, less those for people without income); chains ${broken.length === 0 ? 'verify' : `BROKEN: ${broken.join(', ')}`}\n`,
    );
    if (counts.population !== sent - failed || broken.length > 0) process.exitCode = 1;

    if (trackerRecords > 0)
      await timeTracker(db, federation.gatewayUrl, ids[ids.length - 1]!, trackerRecords);
  } finally {
    await stopFederation?.();
    await db.destroy();
    await cleanup();
  }
});

/**
 * The data tracker of a person with `records` access records: the first page, a page of a
 * one-day window deep in the past, and every page to the end (500 a page).
 */
async function timeTracker(db: Db, gatewayUrl: string, person: string, records: number) {
  const started = performance.now();
  await db.raw(
    `insert into population.access_log (request_id, subject_id, caller_kind, caller_subject, organisation, purpose, fields)
     select 'bench-tracker-' || n, ?, 'organisation', 'official-1', 'social-insurance', 'benefit-eligibility', array['Person.givenName']
     from generate_series(1, ?::int) as n`,
    [person, records],
  );
  process.stdout.write(
    `tracker: wrote ${records} records about one person in ${(performance.now() - started).toFixed(0)} ms\n`,
  );
  const authorization = `Bearer ${await mintDemoToken('citizen', { subject: person })}`;
  const page = async (variables: Record<string, unknown>) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({
        query: `query ($first: Int, $after: String) { me { dataAccessLog(first: $first, after: $after) {
          nodes { requestId } pageInfo { endCursor hasNextPage } } } }`,
        variables,
      }),
    });
    const body = (await response.json()) as {
      data?: {
        me: {
          dataAccessLog: {
            nodes: unknown[];
            pageInfo: { endCursor: string; hasNextPage: boolean };
          };
        };
      };
    };
    return body.data!.me.dataAccessLog;
  };
  let at = performance.now();
  await page({ first: 50 });
  const first = performance.now() - at;
  at = performance.now();
  let seen = 0;
  let after: string | null = null;
  for (;;) {
    const { nodes, pageInfo } = await page({ first: 500, after });
    seen += nodes.length;
    if (!pageInfo.hasNextPage) break;
    after = pageInfo.endCursor;
  }
  const all = performance.now() - at;
  process.stdout.write(
    `tracker of a person with ${records} records: first page of 50 in ${first.toFixed(0)} ms; all ${seen} records, 500 a page, in ${(all / 1000).toFixed(1)} s (${(all / Math.ceil(seen / 500)).toFixed(0)} ms a page)\n`,
  );
}

/** Runs `send` from `concurrency` loops for `seconds` (or until it returns null), collecting samples. */
async function load(
  seconds: number,
  concurrency: number,
  send: (i: number) => Promise<Sample | null>,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const sample = await send(next++);
        if (!sample) return;
        samples.push(sample);
      }
    }),
  );
  return samples;
}

function report(name: string, samples: Sample[], seconds: number): void {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.toFixed(1) ?? '-';
  const errors = samples.filter((s) => !s.ok).length;
  process.stdout.write(
    `${name}: ${(samples.length / seconds).toFixed(0)} req/s, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, ${errors} errors of ${samples.length}\n`,
  );
}

async function benchDatabase(
  serverUrl: string | undefined,
): Promise<{ url: string; cleanup: () => Promise<void>; where: string }> {
  if (!serverUrl) {
    const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ maxConnections: 200 });
    return { url: embedded.url, cleanup: embedded.stop, where: 'embedded PostgreSQL (PGlite)' };
  }
  const name = `govgraph_bench_${process.pid}`;
  const admin: Db = createDb({ url: serverUrl, poolSize: 1 });
  await admin.raw('create database ??', [name]);
  await admin.destroy();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: `database ${name} on ${url.host}`,
    cleanup: async () => {
      const drop = createDb({ url: serverUrl, poolSize: 1 });
      await drop.raw('drop database if exists ?? with (force)', [name]);
      await drop.destroy();
    },
  };
}
