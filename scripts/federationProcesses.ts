import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { AGENCY_NAMES, type AgencyName } from '../platform/agencies';
import { repoRoot } from '../platform/repoRoot';
import { subgraphUrlVariable } from '../gateway/config';
import { profileFlags } from './profileFlags';
import {
  STATISTICS_AGENCIES,
  type StatisticsAgency,
} from '../platform/statistics/statisticalVariables';

/** One service of the federation running in a process of its own, as docker-compose runs it. */
export interface ServiceProcess {
  name: 'gateway' | AgencyName;
  pid: number;
  url: string;
  /** Its Prometheus endpoint, on a port of its own. */
  metricsUrl: string;
  /** The process's resident memory now, in MiB (Linux), or null once it has exited. */
  rssMiB(): number | null;
  /** The process itself (its IPC channel, when started with a preload). */
  child: ChildProcess;
}

export interface FederationProcesses {
  gatewayUrl: string;
  services: ServiceProcess[];
  stop(): Promise<void>;
}

export interface FederationProcessOptions {
  databaseUrl: string;
  /** Extra environment for every process (LOG_LEVEL, limits, ...). */
  env?: Record<string, string>;
  /** How long to wait for every service to be ready. */
  readyTimeoutMs?: number;
  /** A module every process preloads (`node -r`), with an IPC channel to it (the benchmark's probe). */
  preload?: string;
  /** Put the gateway in front of these subgraphs instead of starting the agencies' own. */
  subgraphUrls?: Record<AgencyName, string>;
}

const KEYS = (file: string) => path.join(repoRoot(), 'demo', 'keys', file);

/**
 * Starts the seven subgraphs and the gateway from the built `dist/` as separate processes on
 * loopback, with the demo keys and free ports, and waits until each answers `/readyz`
 * (the gateway: a GraphQL request). Stopping sends SIGTERM and waits for every exit.
 */
export async function startFederationProcesses(
  options: FederationProcessOptions,
): Promise<FederationProcesses> {
  const dist = path.join(repoRoot(), 'dist');
  const children: {
    name: ServiceProcess['name'];
    child: ChildProcess;
    url: string;
    metricsUrl: string;
  }[] = [];
  const stop = () => Promise.all(children.map(({ child }) => stopChild(child))).then(() => {});
  // As the Dockerfile runs them: NODE_ENV=production unless the caller says otherwise.
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  delete base.DATABASE_URL;
  try {
    const subgraphUrls: Partial<Record<string, string>> = {};
    for (const agency of options.subgraphUrls ? [] : AGENCY_NAMES) {
      const port = await freePort();
      const metricsPort = await freePort();
      const url = `http://127.0.0.1:${port}`;
      children.push({
        name: agency,
        url,
        metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`,
        child: launch(agency, path.join(dist, 'subgraphs', agency, 'main.js'), options.preload, {
          ...base,
          DATABASE_URL: options.databaseUrl,
          HOST: '127.0.0.1',
          PORT: String(port),
          // Tracing follows the caller's OTEL_* variables; each process names itself in its spans.
          OTEL_SERVICE_NAME: `govgraph-${agency}`,
          METRICS_HOST: '127.0.0.1',
          METRICS_PORT: String(metricsPort),
          GATEWAY_TOKEN_KEY_FILE: KEYS(`gateway-token-${agency}.jwk.json`),
          ACCESS_LOG_SIGNING_KEY_FILE: KEYS(`access-log-${agency}.private.jwk.json`),
          // Shared by the agencies holding statistical variables; governance, the joiner, refuses it.
          ...(STATISTICS_AGENCIES.includes(agency as StatisticsAgency)
            ? { STATISTICS_PSEUDONYM_SECRET_FILE: KEYS('statistics-pseudonym.secret') }
            : {}),
        }),
      });
      subgraphUrls[subgraphUrlVariable(agency)] = `${url}/graphql`;
    }
    for (const [agency, url] of Object.entries(options.subgraphUrls ?? {}))
      subgraphUrls[subgraphUrlVariable(agency as AgencyName)] = url;
    const gatewayPort = await freePort();
    const gatewayMetricsPort = await freePort();
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    children.push({
      name: 'gateway',
      url: gatewayUrl,
      metricsUrl: `http://127.0.0.1:${gatewayMetricsPort}/metrics`,
      child: launch('gateway', path.join(dist, 'gateway', 'main.js'), options.preload, {
        ...base,
        ...(subgraphUrls as Record<string, string>),
        GATEWAY_HOST: '127.0.0.1',
        GATEWAY_PORT: String(gatewayPort),
        OTEL_SERVICE_NAME: 'govgraph-gateway',
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(gatewayMetricsPort),
        AUTH_ISSUER: 'https://idp.demo.govgraph',
        AUTH_AUDIENCE: 'govgraph',
        AUTH_JWKS_FILE: KEYS('demo-idp.jwks.json'),
        GATEWAY_TOKEN_SECRET_FILE: KEYS('gateway-token.secret.jwk.json'),
        ROLE_GRANTS_FILE: path.join(repoRoot(), 'demo', 'roles.json'),
        // As docker-compose runs it: the production profile, trusting the demo identity provider.
        GOVGRAPH_PROFILE: 'production',
        GATEWAY_ALLOW_DEMO_IDENTITY: 'yes',
        TRUSTED_DOCUMENTS_FILE: path.join(repoRoot(), 'schema', 'trusted-documents.json'),
        TRUSTED_DOCUMENTS_REQUIRED: 'demo-bank',
        ...options.env,
      }),
    });
    const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
    for (const { name, child, url } of children) {
      await waitReady(name, child, name === 'gateway' ? url : `${url}/readyz`, deadline);
    }
    return {
      gatewayUrl,
      services: children.map(({ name, child, url, metricsUrl }) => ({
        name,
        pid: child.pid!,
        url,
        metricsUrl,
        rssMiB: () => rssMiB(child),
        child,
      })),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The last lines a service wrote to stderr, for the message if it dies before it is ready. */
const stderrTails = new WeakMap<ChildProcess, string[]>();

function launch(
  name: string,
  script: string,
  preload: string | undefined,
  env: NodeJS.ProcessEnv,
): ChildProcess {
  const flags = profileFlags(name);
  const child = preload
    ? spawn(process.execPath, [...flags, '-r', preload, script], {
        env,
        // Its logs go to stderr, so that stdout carries only the caller's results.
        stdio: ['ignore', 2, 'pipe', 'ipc'],
      })
    : spawn(process.execPath, [...flags, script], { env, stdio: ['ignore', 'inherit', 'pipe'] });
  const tail: string[] = [];
  stderrTails.set(child, tail);
  child.stderr!.on('data', (chunk: Buffer) => {
    tail.push(chunk.toString());
    if (tail.length > 50) tail.shift();
    process.stderr.write(chunk);
  });
  return child;
}

async function waitReady(name: string, child: ChildProcess, url: string, deadline: number) {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `${name} exited with code ${child.exitCode} before it was ready:\n${(stderrTails.get(child) ?? []).join('')}`,
      );
    try {
      const response =
        name === 'gateway'
          ? await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: '{ __typename }' }),
            })
          : await fetch(url);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${name} was not ready at ${url} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends SIGTERM and waits for the exit (SIGKILL after 15 s). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function rssMiB(child: ChildProcess): number | null {
  if (child.exitCode !== null || !child.pid) return null;
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) / 1024 : null;
  } catch {
    return null;
  }
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
