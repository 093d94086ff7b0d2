import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { AGENCY_NAMES } from '../../platform/agencies';
import { repoRoot } from '../../platform/repoRoot';
import { subgraphUrlVariable } from '../config';

/** A gateway running in a process of its own, from `gateway/main.ts`. */
export interface GatewayProcess {
  graphqlUrl: string;
  /** The JSON lines it has logged so far. */
  lines(): Record<string, unknown>[];
  /** SIGTERM, and SIGKILL if it has not exited within five seconds. */
  stop(): Promise<void>;
  /** Ends it at once (SIGKILL), as a crash would. */
  kill(): void;
}

const demoFile = (...parts: string[]) => join(repoRoot(), 'demo', ...parts);

/**
 * The demo identity provider and keys, and subgraphs at the discard port: a request that
 * reaches a subgraph fails loudly instead of reaching a demo federation on this machine.
 */
const BASE_ENV = {
  AUTH_ISSUER: 'https://idp.demo.govgraph',
  AUTH_AUDIENCE: 'govgraph',
  AUTH_JWKS_FILE: demoFile('keys', 'demo-idp.jwks.json'),
  GATEWAY_TOKEN_SECRET_FILE: demoFile('keys', 'gateway-token.secret.jwk.json'),
  ROLE_GRANTS_FILE: demoFile('roles.json'),
  // The production profile, as a deployed gateway runs, trusting the demo provider's tokens.
  GOVGRAPH_PROFILE: 'production',
  GATEWAY_ALLOW_DEMO_IDENTITY: 'yes',
  GATEWAY_HOST: '127.0.0.1',
  GATEWAY_PORT: '0',
  // Replicas on one host: each its own free metrics port too.
  METRICS_PORT: '0',
  LOG_LEVEL: 'info',
  ...Object.fromEntries(
    AGENCY_NAMES.map((agency) => [subgraphUrlVariable(agency), 'http://127.0.0.1:9/graphql']),
  ),
};

/**
 * Starts `gateway/main.ts` (compiled as it loads) with the demo settings and `env`, and
 * resolves once it listens; rejects with its output if it exits first or takes too long.
 */
export function spawnGateway(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<GatewayProcess> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', join(repoRoot(), 'gateway', 'main.ts')],
    {
      cwd: repoRoot(),
      env: { PATH: process.env.PATH ?? '', ...BASE_ENV, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`the gateway process ${why}:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    const exitedEarly = (code: number | null) => fail(`exited with ${code} before it listened`);
    child.once('exit', exitedEarly);
    createInterface({ input: child.stdout! }).on('line', (text) => {
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        return;
      }
      lines.push(line);
      if (typeof line.url !== 'string') return;
      clearTimeout(timer);
      child.off('exit', exitedEarly);
      resolve({
        graphqlUrl: line.url,
        lines: () => lines,
        stop: () => stop(child, exited),
        kill: () => void child.kill('SIGKILL'),
      });
    });
  });
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(kill);
}
