import { z } from 'zod';
import { parseArgs } from 'node:util';
import { databaseUrlField, positiveIntField } from '../platform/config/envFields';
import { loadConfig } from '../platform/config/loadConfig';

export const DEFAULT_SEED = 'govgraph-demo';
export const DEFAULT_PEOPLE = 10_000;

const demoEnvSchema = z.object({
  DATABASE_URL: databaseUrlField.optional(),
  DEMO_SEED: z.string().min(1, 'must not be empty').default(DEFAULT_SEED),
  DEMO_PEOPLE: positiveIntField
    .max(10_000_000, 'must be at most 10,000,000')
    .default(DEFAULT_PEOPLE),
});

export interface DemoConfig {
  databaseUrl: string | undefined;
  seed: string;
  people: number;
}

/** Reads the demo country's settings from the environment, overridden by `--people N` and `--seed S`. */
export function loadDemoConfig(
  service: string,
  env: NodeJS.ProcessEnv,
  argv: string[],
): DemoConfig {
  const { values } = parseArgs({
    args: argv,
    options: { people: { type: 'string' }, seed: { type: 'string' } },
    allowPositionals: false,
    strict: true,
  });
  const config = loadConfig(service, demoEnvSchema, {
    ...env,
    ...(values.people !== undefined ? { DEMO_PEOPLE: values.people } : {}),
    ...(values.seed !== undefined ? { DEMO_SEED: values.seed } : {}),
  });
  return { databaseUrl: config.DATABASE_URL, seed: config.DEMO_SEED, people: config.DEMO_PEOPLE };
}
