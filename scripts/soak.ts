import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { runMain } from '../platform/config/runMain';
import { createDb, type Db } from '../platform/db/createDb';
import { createScratchDatabase } from '../platform/db/scratchDatabase';
import { verifyAccessLog } from '../platform/accessLog/verifyAccessLog';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { resetDemoCountry } from '../demo/resetDemoCountry';
import { progressLine } from '../demo/progressLine';
import { SHOWCASE } from '../demo/showcase';
import { startFederationProcesses, type ServiceProcess } from './federationProcesses';
import { SOAK_WORKLOADS, type SoakSubjects, type SoakWorkload } from './soakWorkloads';

interface Outcome {
  workload: string;
  ms: number;
  /** The gateway's id of the request; null when no answer came. */
  requestId: string | null;
  /** Set when the request failed: no answer, a non-200 answer or a GraphQL error. */
  error: string | null;
  releases: Partial<Record<AgencyName, number>>;
}

/**
 * `npm run soak -- [--minutes N] [--concurrency C] [--people P]`: bounded mixed traffic from
 * every persona, over loopback, against the federation in separate processes (as
 * docker-compose runs it) on a database of its own on the DATABASE_URL server. Reports errors,
 * latency percentiles, each process's memory at the start and the end, and whether the access
 * records written equal the releases of personal data the answers show. Figures, not
 * assertions: the exit code is non-zero only for errors or records that do not match.
 */
runMain(async () => {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      minutes: { type: 'string', default: '1' },
      concurrency: { type: 'string', default: '8' },
      people: { type: 'string', default: '10000' },
    },
  });
  const minutes = positive('--minutes', values.minutes);
  const concurrency = positive('--concurrency', values.concurrency);
  const people = positive('--people', values.people);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'the soak runs on a real PostgreSQL server: set DATABASE_URL (it makes a database of its own there and drops it at the end)',
    );

  const { url, drop, where } = await createScratchDatabase(serverUrl, 'govgraph_soak');
  const db = createDb({ url, poolSize: 4 });
  let stopServices: (() => Promise<void>) | undefined;
  try {
    say(`database: ${where}`);
    await resetDemoCountry(db, {
      seed: 'govgraph-demo',
      people,
      onProgress: progressLine('seeding the demo country'),
    });
    const subjects: SoakSubjects = {
      nationalIds: await db('population.person')
        .orderBy('list_key')
        .limit(5000)
        .pluck('national_id'),
      registryCodes: await db('business.company')
        .orderBy('registry_code')
        .limit(1000)
        .pluck('registry_code'),
      consentedNationalId: SHOWCASE.nationalId,
    };
    say('starting the federation: seven subgraphs and the gateway, each in its own process');
    const federation = await startFederationProcesses({
      databaseUrl: url,
      env: {
        DB_POOL_SIZE: '10',
        // The soak measures the services, not the rate limits (their tests do): every
        // persona's traffic comes from one address and a few clients.
        RATE_LIMIT_PUBLIC: '1000000/60s',
        RATE_LIMIT_CITIZEN: '1000000/60s',
        RATE_LIMIT_CLIENT: '1000000/60s',
        RATE_LIMIT_ORGANISATION: '1000000/60s',
        RATE_LIMIT_KEY_PREFIX: `govgraph:soak:${process.pid}`,
      },
    });
    stopServices = federation.stop;
    const tokens = await mintTokens(subjects);

    // A short warm-up, so the memory at the start is that of a running service.
    await drive(federation.gatewayUrl, tokens, subjects, 'warm', 5_000, concurrency);
    const samples: Record<string, number | null>[] = [memory(federation.services)];
    const sampler = setInterval(
      () => samples.push(memory(federation.services)),
      (minutes * 60_000) / 4,
    );
    const run = randomBytes(3).toString('hex');
    say(
      `soak: ${minutes} min, ${concurrency} concurrent requests, ${SOAK_WORKLOADS.length} workloads`,
    );
    const outcomes = await drive(
      federation.gatewayUrl,
      tokens,
      subjects,
      run,
      minutes * 60_000,
      concurrency,
      (done, errors) => progress(`${done} requests, ${errors} errors`),
    );
    process.stderr.write('\n');
    clearInterval(sampler);
    samples.splice(4);
    samples.push(memory(federation.services));

    report(outcomes, minutes);
    // A leak grows to the end; caches of documents and plans fill, then stay.
    say('memory (RSS, MiB): process  start, each quarter, end');
    for (const service of federation.services)
      say(`  ${service.name.padEnd(11)} ${samples.map((s) => fmt(s[service.name])).join(' ')}`);
    const recordsMatch = await compareRecords(db, outcomes);
    const errors = outcomes.filter((o) => o.error).length;
    if (errors > 0 || !recordsMatch) process.exitCode = 1;
  } finally {
    await stopServices?.();
    await db.destroy();
    await drop();
  }
});

type Tokens = (workload: SoakWorkload, i: number) => Promise<string | null>;

async function mintTokens(subjects: SoakSubjects): Promise<Tokens> {
  const byPersona = new Map<string, string | null>();
  for (const workload of SOAK_WORKLOADS)
    if (!workload.subject) byPersona.set(workload.persona, await mintDemoToken(workload.persona));
  const citizens = new Map<string, string | null>();
  return async (workload, i) => {
    if (!workload.subject) return byPersona.get(workload.persona) ?? null;
    const subject = workload.subject(i, subjects);
    let token = citizens.get(subject);
    if (token === undefined) {
      token = await mintDemoToken(workload.persona, { subject });
      citizens.set(subject, token);
    }
    return token;
  };
}

/** Sends the workloads round-robin from `concurrency` loops until `durationMs` has passed. */
async function drive(
  gatewayUrl: string,
  tokens: Tokens,
  subjects: SoakSubjects,
  run: string,
  durationMs: number,
  concurrency: number,
  onProgress?: (done: number, errors: number) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = Date.now() + durationMs;
  let next = 0;
  let errors = 0;
  const ticker = onProgress && setInterval(() => onProgress(outcomes.length, errors), 2_000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const i = next++;
        const workload = SOAK_WORKLOADS[i % SOAK_WORKLOADS.length]!;
        const outcome = await send(gatewayUrl, workload, i, subjects, tokens, run);
        if (outcome.error) errors += 1;
        outcomes.push(outcome);
      }
    }),
  );
  if (ticker) clearInterval(ticker);
  return outcomes;
}

async function send(
  gatewayUrl: string,
  workload: SoakWorkload,
  i: number,
  subjects: SoakSubjects,
  tokens: Tokens,
  run: string,
): Promise<Outcome> {
  const token = await tokens(workload, i);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-case-id': `soak-${run}-${i}`,
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (workload.purpose) headers['x-purpose'] = workload.purpose;
  const started = performance.now();
  const base = { workload: workload.name, requestId: null, releases: {} };
  try {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify(workload.body(i, subjects)),
    });
    const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
    const failed = !response.ok || (body.errors?.length ?? 0) > 0;
    return {
      workload: workload.name,
      ms: performance.now() - started,
      requestId: response.headers.get('x-request-id'),
      error: failed ? `${response.status} ${body.errors?.[0]?.message ?? ''}` : null,
      releases: body.data ? workload.releases(body.data) : {},
    };
  } catch (error) {
    return { ...base, ms: performance.now() - started, error: String(error) };
  }
}

function report(outcomes: Outcome[], minutes: number): void {
  const errors = outcomes.filter((o) => o.error);
  say(
    `${outcomes.length} requests in ${minutes} min (${(outcomes.length / (minutes * 60)).toFixed(0)} req/s), ${errors.length} errors`,
  );
  const seen = new Set<string>();
  for (const error of errors) {
    const line = `${error.workload}: ${error.error}`;
    if (seen.has(line) || seen.size >= 10) continue;
    seen.add(line);
    say(`  error: ${line}`);
  }
  say('latency (ms): workload  n  p50  p95  p99  max');
  const byWorkload = new Map<string, number[]>();
  for (const o of outcomes)
    byWorkload.set(o.workload, [...(byWorkload.get(o.workload) ?? []), o.ms]);
  byWorkload.set(
    'all',
    outcomes.map((o) => o.ms),
  );
  for (const [name, samples] of byWorkload) {
    const sorted = samples.sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    say(
      `  ${name.padEnd(54)} ${String(sorted.length).padStart(7)} ${at(0.5).toFixed(0).padStart(5)} ${at(0.95).toFixed(0).padStart(5)} ${at(0.99).toFixed(0).padStart(5)} ${sorted[sorted.length - 1]!.toFixed(0).padStart(6)}`,
    );
  }
}

/**
 * Every request's records, agency by agency, against the releases its answer shows (a failed
 * request shows none, so it must have left none), and every chain intact.
 */
async function compareRecords(db: Db, outcomes: Outcome[]): Promise<boolean> {
  const expected = new Map<string, number>();
  let releases = 0;
  for (const o of outcomes) {
    if (!o.requestId) continue;
    for (const [agency, count] of Object.entries(o.releases)) {
      expected.set(`${agency} ${o.requestId}`, count);
      releases += count;
    }
  }
  const requestIds = outcomes.flatMap((o) => (o.requestId ? [o.requestId] : []));
  const actual = new Map<string, number>();
  let records = 0;
  for (const agency of AGENCY_NAMES)
    for (let at = 0; at < requestIds.length; at += 1000) {
      const rows: { request_id: string; n: string }[] = await db(`${agency}.access_log`)
        .whereIn('request_id', requestIds.slice(at, at + 1000))
        .groupBy('request_id')
        .select('request_id', db.raw('count(*) as n'));
      for (const row of rows) {
        actual.set(`${agency} ${row.request_id}`, Number(row.n));
        records += Number(row.n);
      }
    }
  const mismatches: string[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const [written, released] = [actual.get(key) ?? 0, expected.get(key) ?? 0];
    if (written !== released) mismatches.push(`${key}: ${written} records, ${released} releases`);
  }
  const broken: string[] = [];
  for (const agency of AGENCY_NAMES)
    if ((await verifyAccessLog(db, agency)).problem) broken.push(agency);
  say(
    `access records: ${records} written for ${releases} releases of personal data; ${mismatches.length === 0 ? 'equal, request by request and agency by agency' : `${mismatches.length} MISMATCHES`}; chains ${broken.length === 0 ? 'verify' : `BROKEN: ${broken.join(', ')}`}`,
  );
  for (const line of mismatches.slice(0, 10)) say(`  ${line}`);
  return mismatches.length === 0 && broken.length === 0;
}

function memory(services: ServiceProcess[]): Record<string, number | null> {
  return Object.fromEntries(services.map((s) => [s.name, s.rssMiB()]));
}

function positive(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} must be a positive number`);
  return n;
}

const fmt = (mib: number | null | undefined) => (mib == null ? '-' : mib.toFixed(0).padStart(5));
const say = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stderr.write(`\r${line}   `);
