import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import { stopChild } from '../federationProcesses';
import type { ProbeCounts } from './probe';
import { profileFlags } from '../profileFlags';

/** The preload that counts requests and SQL statements in a process (probe.ts, built). */
export const PROBE = path.join(repoRoot(), 'dist', 'scripts', 'bench', 'probe.js');

/** A process of the benchmark, with the probe preloaded. */
export interface BenchProcess {
  name: string;
  child: ChildProcess;
  /** Requests served and SQL statements sent so far. */
  counts(): Promise<{ requests: number; statements: number }>;
}

/** Starts `script` under Node with the probe preloaded and an IPC channel to ask it. */
export function launchProbed(
  name: string,
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): BenchProcess {
  const child = spawn(process.execPath, [...profileFlags(name), '-r', PROBE, script, ...args], {
    env,
    cwd: repoRoot(),
    // Logs go to stderr: stdout carries only the bench's results (`--json`).
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  return probed(name, child);
}

/** Wraps a child started with the probe and an IPC channel. */
export function probed(name: string, child: ChildProcess): BenchProcess {
  return {
    name,
    child,
    counts: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`${name} did not report its counts`));
        }, 5_000);
        const onMessage = (message: unknown) => {
          if ((message as ProbeCounts | undefined)?.type !== 'bench:counts') return;
          clearTimeout(timer);
          child.off('message', onMessage);
          const { requests, statements } = message as ProbeCounts;
          resolve({ requests, statements });
        };
        child.on('message', onMessage);
        child.send('bench:counts');
      }),
  };
}

/** Resolves once `url` answers a POST of `body` with 200, or throws if the process dies first. */
export async function waitUntilServing(
  process: BenchProcess,
  url: string,
  body: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null)
      throw new Error(`${process.name} exited with code ${process.child.exitCode}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${process.name} did not serve ${url} in time`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends SIGTERM and waits for the exit (SIGKILL after 15 s). */
export function stopProcess({ child }: BenchProcess): Promise<void> {
  return stopChild(child);
}
