import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AGENCY_NAMES, type AgencyName } from '../../platform/agencies';
import { repoRoot } from '../../platform/repoRoot';
import { freePort, startFederationProcesses } from '../federationProcesses';
import type { ConfigName, SeriesName } from './benchArgs';
import {
  type BenchProcess,
  launchProbed,
  PROBE,
  probed,
  stopProcess,
  waitUntilServing,
} from './benchProcess';

/** A configuration's processes, running: where to send load and what to measure. */
export interface RunningConfig {
  url: string;
  /** The process under test that answers clients: a gateway, or the floor's server. */
  front: BenchProcess;
  subgraphs: BenchProcess[];
  stop(): Promise<void>;
}

export interface ConfigEnvironment {
  databaseUrl: string;
  /** The page cursor key every population subgraph seals with (base64url). */
  cursorKey: string;
}

const dist = (...parts: string[]) => path.join(repoRoot(), 'dist', 'scripts', 'bench', ...parts);
const READY = JSON.stringify({ query: '{ __typename }' });

/** Starts the processes of one configuration (for the identical series, stock Hive dedups). */
export async function startConfig(
  config: ConfigName,
  series: SeriesName,
  environment: ConfigEnvironment,
): Promise<RunningConfig> {
  // Every configuration runs as the Dockerfile runs govgraph: NODE_ENV=production, under which
  // graphql-js and the servers skip their development checks.
  const base = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    APOLLO_TELEMETRY_DISABLED: '1',
  };
  if (config === 'govgraph') {
    const federation = await startFederationProcesses({
      databaseUrl: environment.databaseUrl,
      preload: PROBE,
      env: governedEnvironment(environment),
    });
    return fromFederation(federation);
  }
  const started: BenchProcess[] = [];
  const stopAll = () => Promise.all(started.map(stopProcess)).then(() => undefined);
  try {
    if (config === 'floor') {
      const port = await freePort();
      const floor = launchProbed('floor', dist('floorMain.js'), [], {
        ...base,
        BENCH_DATABASE_URL: environment.databaseUrl,
        BENCH_PORT: String(port),
      });
      started.push(floor);
      const url = `http://127.0.0.1:${port}/`;
      await waitUntilServing(floor, url, READY);
      return { url, front: floor, subgraphs: [], stop: stopAll };
    }
    const urls = {} as Record<AgencyName, string>;
    const subgraphs: BenchProcess[] = [];
    for (const agency of AGENCY_NAMES) {
      const port = await freePort();
      const subgraph = launchProbed(agency, dist('bareSubgraphMain.js'), [agency], {
        ...base,
        BENCH_DATABASE_URL: environment.databaseUrl,
        BENCH_PORT: String(port),
        BENCH_CURSOR_KEY: environment.cursorKey,
      });
      started.push(subgraph);
      subgraphs.push(subgraph);
      urls[agency] = `http://127.0.0.1:${port}/`;
    }
    for (const subgraph of subgraphs)
      await waitUntilServing(subgraph, urls[subgraph.name as AgencyName], READY);
    if (config === 'govgraph-bare') {
      const federation = await startFederationProcesses({
        databaseUrl: environment.databaseUrl,
        preload: PROBE,
        env: governedEnvironment(environment),
        subgraphUrls: urls,
      });
      const running = fromFederation(federation);
      return {
        ...running,
        subgraphs,
        stop: async () => {
          await running.stop();
          await stopAll();
        },
      };
    }
    const port = await freePort();
    const kind = config === 'hive' && series === 'identical' ? 'hive-dedup' : config;
    const gateway = launchProbed(config, dist('peerGatewayMain.js'), [kind], {
      ...base,
      BENCH_PORT: String(port),
      BENCH_SUPERGRAPH: supergraphFor(urls),
    });
    started.push(gateway);
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitUntilServing(gateway, url, READY);
    return { url, front: gateway, subgraphs, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function governedEnvironment(environment: ConfigEnvironment): Record<string, string> {
  return {
    // Under load, only errors are logged (the bench counts failed answers itself).
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: '10',
    PAGE_CURSOR_KEY: environment.cursorKey,
    // The bench measures the services, not the rate limits (their tests do): its traffic
    // comes from one address and a few callers.
    RATE_LIMIT_PUBLIC: '100000000/60s',
    RATE_LIMIT_CITIZEN: '100000000/60s',
    RATE_LIMIT_CLIENT: '100000000/60s',
    RATE_LIMIT_ORGANISATION: '100000000/60s',
    RATE_LIMIT_KEY_PREFIX: `govgraph:bench:${process.pid}:${randomBytes(4).toString('hex')}`,
  };
}

function fromFederation(federation: Awaited<ReturnType<typeof startFederationProcesses>>) {
  const wrapped = federation.services.map((service) => probed(service.name, service.child));
  return {
    url: federation.gatewayUrl,
    front: wrapped.find((service) => service.name === 'gateway')!,
    subgraphs: wrapped.filter((service) => service.name !== 'gateway'),
    stop: federation.stop,
  };
}

/** The composed supergraph with its subgraph URLs pointed at `urls`, written to a temporary file. */
function supergraphFor(urls: Record<AgencyName, string>): string {
  let sdl = readFileSync(path.join(repoRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  for (const [agency, url] of Object.entries(urls))
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${agency}", url: ")[^"]*"`), `$1${url}"`);
  const file = path.join(tmpdir(), `govgraph-bench-supergraph-${process.pid}.graphql`);
  writeFileSync(file, sdl);
  return file;
}
