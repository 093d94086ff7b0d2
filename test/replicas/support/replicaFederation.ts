import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AGENCY_NAMES, type AgencyName } from '../../../platform/agencies';
import { repoRoot } from '../../../platform/repoRoot';
import { STATISTICS_AGENCIES } from '../../../platform/statistics/statisticalVariables';
import { subgraphUrlVariable } from '../../../gateway/config';
import { type GatewayProcess, spawnGateway } from '../../../gateway/testing/spawnGateway';
import { freePort, stopChild } from '../../../scripts/federationProcesses';
import { type RoundRobinBalancer, startRoundRobinBalancer } from './roundRobinBalancer';

/** The subgraphs run twice; the others once. */
export const REPLICATED = ['population', 'tax', 'social'] as const;
export type ReplicatedAgency = (typeof REPLICATED)[number];

/** One subgraph process. */
export interface SubgraphReplica {
  agency: AgencyName;
  /** Its own GraphQL endpoint, past the balancer. */
  url: string;
  /** Ends it at once, as a crash or an OOM kill would. */
  kill(): void;
}

export interface ReplicaFederation {
  /** Both gateways, each addressed directly. */
  gateways: GatewayProcess[];
  /** The balancer in front of both gateways: where the clients' load goes. */
  front: RoundRobinBalancer;
  /** Every subgraph process, by agency; two of each replicated agency. */
  subgraphs: Record<AgencyName, SubgraphReplica[]>;
  /** The balancer in front of each replicated agency's two processes. */
  balancers: Record<ReplicatedAgency, RoundRobinBalancer>;
  stop(): Promise<void>;
}

export interface ReplicaFederationOptions {
  databaseUrl: string;
  /** Environment for both gateways besides the demo settings (Redis, limits). */
  gatewayEnv: Record<string, string>;
}

const demoKey = (file: string) => join(repoRoot(), 'demo', 'keys', file);

/**
 * Two gateways and two processes of each replicated subgraph (one of every other), each a
 * process of its own compiled as it loads, all over one database, with a round-robin balancer
 * in front of each replicated subgraph (the gateways' supergraph points at it) and one in
 * front of the gateways.
 */
export async function startReplicaFederation(
  options: ReplicaFederationOptions,
): Promise<ReplicaFederation> {
  const children: ChildProcess[] = [];
  const balancers: RoundRobinBalancer[] = [];
  const gateways: GatewayProcess[] = [];
  const stop = async () => {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
    await Promise.all(children.map(stopChild));
    await Promise.all(balancers.map((balancer) => balancer.close()));
  };
  try {
    // Shared by the replicas of a subgraph, so a cursor sealed by one opens in the other.
    const pageCursorKey = randomBytes(32).toString('base64url');
    const subgraphs = {} as Record<AgencyName, SubgraphReplica[]>;
    const starting: Promise<void>[] = [];
    for (const agency of AGENCY_NAMES) {
      subgraphs[agency] = [];
      const count = (REPLICATED as readonly string[]).includes(agency) ? 2 : 1;
      for (let replica = 0; replica < count; replica += 1)
        starting.push(
          startReplica(agency, options.databaseUrl, pageCursorKey, children).then((started) => {
            subgraphs[agency][replica] = started;
          }),
        );
    }
    await Promise.all(starting);
    const byAgency = {} as Record<ReplicatedAgency, RoundRobinBalancer>;
    for (const agency of REPLICATED) {
      byAgency[agency] = await startRoundRobinBalancer(
        subgraphs[agency].map(({ url }) => new URL(url).origin),
      );
      balancers.push(byAgency[agency]);
    }
    const subgraphUrls = Object.fromEntries(
      AGENCY_NAMES.map((agency) => [
        subgraphUrlVariable(agency),
        agency in byAgency
          ? `${byAgency[agency as ReplicatedAgency].origin}/graphql`
          : subgraphs[agency][0]!.url,
      ]),
    );
    for (let replica = 0; replica < 2; replica += 1)
      // At the info level: the line saying where it listens is how spawnGateway knows it is up.
      gateways.push(await spawnGateway({ ...subgraphUrls, ...options.gatewayEnv }, 120_000));
    const front = await startRoundRobinBalancer(
      gateways.map(({ graphqlUrl }) => new URL(graphqlUrl).origin),
    );
    balancers.push(front);
    return { gateways, front, subgraphs, balancers: byAgency, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Attempts at a free port: one found free may be taken before a replica, still compiling, binds it. */
const PORT_ATTEMPTS = 3;

/**
 * One replica, started on a free port and ready. Other processes of the machine (the replicas'
 * own metrics servers among them, on ports the system picks) may take the port between the
 * probe and the bind: the replica then exits with EADDRINUSE and is started on another.
 */
async function startReplica(
  agency: AgencyName,
  databaseUrl: string,
  pageCursorKey: string,
  children: ChildProcess[],
): Promise<SubgraphReplica> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const child = spawnSubgraph(agency, port, databaseUrl, pageCursorKey);
    children.push(child);
    try {
      await waitReady(agency, child, `http://127.0.0.1:${port}/readyz`);
      const url = `http://127.0.0.1:${port}/graphql`;
      return { agency, url, kill: () => void child.kill('SIGKILL') };
    } catch (error) {
      const portTaken = (stderrTails.get(child) ?? []).join('').includes('EADDRINUSE');
      if (!portTaken || attempt === PORT_ATTEMPTS) throw error;
    }
  }
}

/** `subgraphs/<agency>/main.ts` with the demo keys, as docker-compose runs it. */
function spawnSubgraph(
  agency: AgencyName,
  port: number,
  databaseUrl: string,
  pageCursorKey: string,
): ChildProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    PORT: String(port),
    // Replicas share the host: each takes a free metrics port instead of its agency's.
    METRICS_PORT: '0',
    DB_POOL_SIZE: '4',
    PAGE_CURSOR_KEY: pageCursorKey,
    GATEWAY_TOKEN_KEY_FILE: demoKey(`gateway-token-${agency}.jwk.json`),
    ACCESS_LOG_SIGNING_KEY_FILE: demoKey(`access-log-${agency}.private.jwk.json`),
    ...((STATISTICS_AGENCIES as readonly string[]).includes(agency)
      ? { STATISTICS_PSEUDONYM_SECRET_FILE: demoKey('statistics-pseudonym.secret') }
      : {}),
  };
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(repoRoot(), 'subgraphs', agency, 'main.ts')],
    { cwd: repoRoot(), env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const tail: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'));
    if (tail.length > 40) tail.shift();
  });
  stderrTails.set(child, tail);
  return child;
}

const stderrTails = new WeakMap<ChildProcess, string[]>();

async function waitReady(agency: string, child: ChildProcess, url: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `the ${agency} subgraph exited with ${child.exitCode} before it was ready:\n${(stderrTails.get(child) ?? []).join('')}`,
      );
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`the ${agency} subgraph was not ready at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
