import 'reflect-metadata';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { runMain } from '../platform/config/runMain';
import { createDb } from '../platform/db/createDb';
import { encodeCursor, setCursorKey } from '../platform/pagination/cursor';
import { repoRoot } from '../platform/repoRoot';
import { mintDemoToken } from '../demo/identity/mintDemoToken';
import { resetDemoCountry } from '../demo/resetDemoCountry';
import { progressLine } from '../demo/progressLine';
import { checkAccessLog } from './bench/accessLogCheck';
import {
  BENCH_USAGE,
  type BenchArgs,
  type ConfigName,
  type DocumentStyle,
  parseBenchArgs,
  type SeriesName,
} from './bench/benchArgs';
import { createScratchDatabase } from '../platform/db/scratchDatabase';
import { type BenchResult, formatJsonLine, formatTable, quantile } from './bench/benchResults';
import {
  cpuMs,
  isLocalDatabase,
  peakRssMiB,
  postgresCpuMs,
  postgresCpuMsBetween,
} from './bench/procStats';
import { type RunningConfig, startConfig } from './bench/startConfig';
import { timeTracker } from './bench/trackerTiming';
import type { LoadOrder, LoadReport } from './bench/loadWorker';
import { type BenchSubjects, type BenchWorkload, benchRequest, WORKLOADS } from './bench/workloads';

/** Distinct requests prepared per run; each connection takes the next. */
const DISTINCT_REQUESTS = 2000;

/**
 * `npm run bench -- [--people N] [--seconds S] [--connections 20,50] [--rounds R]
 * [--configs a,b] [--workloads a,b] [--series distinct,identical] [--json]`: govgraph against
 * the gateways a user would pick instead, over the same subgraphs and data (see BENCHMARKS.md).
 * Figures, not assertions.
 */
runMain(async () => {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    throw new Error(
      'npm run bench needs DATABASE_URL: a PostgreSQL server it may create a database on',
    );
  const say = (line: string) => process.stderr.write(`${line}\n`);
  // Real PostgreSQL only: the embedded database serialises every transaction and would
  // measure itself.
  const { url, drop, where } = await createScratchDatabase(serverUrl, 'govgraph_bench');
  const db = createDb({ url, poolSize: 4 });
  const results: BenchResult[] = [];
  try {
    say(`database: ${where}`);
    const seeding = performance.now();
    await resetDemoCountry(db, {
      seed: 'govgraph-demo',
      people: args.people,
      onProgress: progressLine('seeding people'),
    });
    say(`seeded ${args.people} people in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const cursorKey = randomBytes(32);
    setCursorKey(cursorKey);
    const subjects = await readSubjects(db, args.people);
    const environment = { databaseUrl: url, cursorKey: cursorKey.toString('base64url') };
    const readDatabaseCpu = isLocalDatabase(url);
    for (let round = 1; round <= args.rounds; round++) {
      for (const config of args.configs) {
        for (const series of args.series) {
          say(`round ${round}: ${config}, ${series} subjects`);
          const running = await startConfig(config, series, environment);
          try {
            for (const workload of args.workloads.map((name) => WORKLOADS[name])) {
              if (workload.governedOnly && config !== 'govgraph' && config !== 'floor') continue;
              const requests = await prepareRequests(
                config,
                series,
                workload,
                subjects,
                args.documents,
              );
              // Warm-up, not recorded: plans cached, connections open, JIT done.
              await drive({ url: running.url, connections: 5, seconds: 1, requests });
              for (const connections of args.connections) {
                const result = await measure(running, requests, connections, args.seconds, {
                  readDatabaseCpu,
                });
                const recorded = { round, config, series, workload: workload.name, ...result };
                results.push(recorded);
                if (args.json) process.stdout.write(`${formatJsonLine(recorded, results)}\n`);
                say(
                  `  ${workload.name} at ${connections}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99.toFixed(1)} ms, ${result.errors} errors`,
                );
              }
            }
            if (config === 'govgraph' && series === 'distinct' && round === 1)
              await governanceChecks(args, running, db, subjects);
          } finally {
            await running.stop();
          }
        }
      }
    }
    if (!args.json) process.stdout.write(formatTable(results));
    if (results.some((result) => result.errors > 0)) process.exitCode = 1;
  } finally {
    await db.destroy();
    await drop();
  }
});

async function readSubjects(
  db: ReturnType<typeof createDb>,
  people: number,
): Promise<BenchSubjects> {
  const every = Math.max(1, Math.floor(people / DISTINCT_REQUESTS));
  const listKeys: string[] = await db('population.person')
    .orderBy('list_key')
    .limit(Math.max(1, people - 100))
    .pluck('list_key');
  const nationalIds: string[] = (
    (await db.raw(`select national_id from population.person order by list_key`)) as {
      rows: { national_id: string }[];
    }
  ).rows
    .map((row) => row.national_id)
    .filter((_, i) => i % every === 0);
  return {
    nationalIds,
    registryCodes: await db('business.company').orderBy('registry_code').pluck('registry_code'),
    listKeys: listKeys.filter((_, i) => i % every === 0),
    cursorOf: (listKey) => encodeCursor(listKey),
  };
}

/** The requests of one run: bodies and headers, distinct subjects or one subject repeated. */
async function prepareRequests(
  config: ConfigName,
  series: SeriesName,
  workload: BenchWorkload,
  subjects: BenchSubjects,
  documents: DocumentStyle,
): Promise<LoadOrder['requests']> {
  const count = series === 'identical' ? 1 : DISTINCT_REQUESTS;
  const shared = workload.asSubject ? null : await mintDemoToken(workload.persona);
  const requests: LoadOrder['requests'] = [];
  for (let i = 0; i < count; i++) {
    const subject = workload.subject(i, subjects);
    if (config === 'floor') {
      requests.push({ body: JSON.stringify({ workload: workload.name, subject }), headers: {} });
      continue;
    }
    const headers: Record<string, string> = {};
    // Only govgraph's own gateway reads identity; the stock gateways are given none.
    if (config === 'govgraph' || config === 'govgraph-bare') {
      const token = workload.asSubject
        ? await mintDemoToken(workload.persona, { subject })
        : shared;
      if (token) headers.authorization = `Bearer ${token}`;
      if (workload.purpose) headers['x-purpose'] = workload.purpose;
    }
    requests.push({
      body: JSON.stringify(benchRequest(workload, subject, subjects, documents)),
      headers,
    });
  }
  return requests;
}

/** One run: load at `connections`, with CPU, memory, SQL and subgraph calls counted around it. */
async function measure(
  running: RunningConfig,
  requests: LoadOrder['requests'],
  connections: number,
  seconds: number,
  options: { readDatabaseCpu: boolean },
): Promise<Omit<BenchResult, 'round' | 'config' | 'series' | 'workload'>> {
  const all = [running.front, ...running.subgraphs];
  const cpu = (pids: number[]) => pids.reduce((sum, pid) => sum + (cpuMs(pid) ?? 0), 0);
  const frontPid = [running.front.child.pid!];
  const subgraphPids = running.subgraphs.map((s) => s.child.pid!);
  // The server's processes are read only where it runs on this machine.
  const snapshot = async () => {
    const each = await Promise.all(all.map((p) => p.counts()));
    return {
      front: cpu(frontPid),
      subgraphs: cpu(subgraphPids),
      database: options.readDatabaseCpu ? postgresCpuMs() : null,
      statements: each.reduce((sum, c) => sum + c.statements, 0),
      calls: each.slice(1).reduce((sum, c) => sum + c.requests, 0),
    };
  };
  const before = await snapshot();
  const report = await drive({ url: running.url, connections, seconds, requests });
  const after = await snapshot();
  const n = Math.max(1, report.requests);
  return {
    connections,
    requests: report.requests,
    errors: report.errors,
    rps: report.requests / report.seconds,
    p50: quantile(report.latencies, 0.5),
    p95: quantile(report.latencies, 0.95),
    p99: quantile(report.latencies, 0.99),
    gatewayCpuMsPerRequest: (after.front - before.front) / n,
    subgraphCpuMsPerRequest: (after.subgraphs - before.subgraphs) / n,
    databaseCpuMsPerRequest:
      before.database && after.database
        ? postgresCpuMsBetween(before.database, after.database) / n
        : null,
    gatewayPeakRssMiB: peakRssMiB(frontPid[0]!) ?? 0,
    subgraphPeakRssMiB: Math.max(0, ...subgraphPids.map((pid) => peakRssMiB(pid) ?? 0)),
    sqlPerRequest: (after.statements - before.statements) / n,
    subgraphCallsPerRequest: (after.calls - before.calls) / n,
  };
}

/** Runs the load generator in a process of its own and waits for its report. */
function drive(order: LoadOrder): Promise<LoadReport & { seconds: number }> {
  return new Promise((resolve, reject) => {
    const worker = fork(path.join(repoRoot(), 'dist', 'scripts', 'bench', 'loadWorker.js'), [], {
      stdio: ['ignore', 2, 'inherit', 'ipc'],
    });
    worker.once('message', (report: LoadReport) => {
      if (report.firstError) process.stderr.write(`  first error: ${report.firstError}\n`);
      resolve(report);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with code ${code}`));
    });
    worker.send(order);
  });
}

/** The access-log exactness check and the data-tracker timing, on govgraph's full stack. */
async function governanceChecks(
  args: BenchArgs,
  running: RunningConfig,
  db: ReturnType<typeof createDb>,
  subjects: BenchSubjects,
): Promise<void> {
  if (args.logged > 0) {
    const check = await checkAccessLog(db, running.url, subjects.nationalIds, args.logged, 20);
    process.stderr.write(`${check.line}\n`);
    if (!check.exact) process.exitCode = 1;
  }
  if (args.trackerRecords > 0)
    await timeTracker(db, running.url, subjects.nationalIds.at(-1)!, args.trackerRecords);
}
