import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGatewayConfig } from '../../gateway/config';
import { loadDemoConfig } from '../../demo/demoConfig';
import { isAgencyName } from '../../platform/agencies';
import { loadSubgraphConfig } from '../../platform/subgraph/subgraphConfig';
import { repoRoot } from '../../platform/repoRoot';
import { loadAwaitMigrationsConfig } from '../../scripts/awaitMigrationsConfig';

/** How a process started with a command validates its environment at start-up. */
export type ConfigLoader = (env: NodeJS.ProcessEnv) => unknown;

/**
 * The start-up configuration of the process a command runs (`node dist/<entry>.js …`): the
 * same function its entry point calls. Throws for a command that is no entry point of ours.
 */
export function configLoaderOf(command: readonly string[]): ConfigLoader {
  const [node, entry = '', ...args] = command;
  if (node !== 'node') throw new Error(`${command.join(' ')}: not started with node`);
  const source = entry.replace(/^dist\//, '').replace(/\.js$/, '.ts');
  if (!entry.startsWith('dist/') || !existsSync(join(repoRoot(), source)))
    throw new Error(`${entry}: no such entry point (no ${source})`);
  const agency = /^dist\/subgraphs\/([a-z]+)\/main\.js$/.exec(entry)?.[1];
  if (agency !== undefined && isAgencyName(agency)) return (env) => loadSubgraphConfig(agency, env);
  switch (entry) {
    case 'dist/gateway/main.js':
      return (env) => loadGatewayConfig(env);
    case 'dist/scripts/migrate.js':
      return (env) => loadDemoConfig('migrate', env, []);
    case 'dist/scripts/awaitMigrations.js':
      return (env) => loadAwaitMigrationsConfig(env, args);
    default:
      throw new Error(`${entry}: no known configuration`);
  }
}

/**
 * Runs a start-up configuration over an environment and records every variable it looks at,
 * so a test can tell a variable the service reads from one it would silently ignore.
 */
export function loadRecordingReads(
  load: ConfigLoader,
  env: Record<string, string>,
): { read: Set<string>; error: unknown } {
  const read = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
    has(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.has(target, name);
    },
  });
  try {
    load(recording);
    return { read, error: undefined };
  } catch (error) {
    return { read, error };
  }
}

/** The paths the Dockerfile's final stage copies into /app (`COPY --from=build /app/x ./x`). */
export function imagePaths(): string[] {
  const dockerfile = readFileSync(join(repoRoot(), 'Dockerfile'), 'utf8');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  return [...finalStage.matchAll(/^COPY --from=build \/app\/(\S+) \.\/\1$/gm)].map((m) => m[1]!);
}

/** Where a path of the image (`/app/…`) is in this repository; throws if the image lacks it. */
export function repoPathOfImageFile(imagePath: string): string {
  const relative = imagePath.replace(/^\/app\//, '');
  const copied = imagePaths().some((p) => relative === p || relative.startsWith(`${p}/`));
  const local = join(repoRoot(), relative);
  if (!imagePath.startsWith('/app/') || !copied || !existsSync(local))
    throw new Error(`${imagePath} is not a file the Dockerfile puts into the image`);
  return local;
}
