import { z } from 'zod';

/** A TCP port given as an environment variable. */
export const portField = z.coerce
  .number({ error: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

/** A PostgreSQL connection string. */
export const databaseUrlField = z
  .string({ error: 'is required (a postgres:// connection string)' })
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string');

/** A pino log level. */
export const logLevelField = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/** A positive whole number (pool sizes, limits). */
export const positiveIntField = z.coerce
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .positive('must be greater than zero');

/** `LOG_PRETTY`: human-readable log lines; unset means pretty in development only. */
export const logPrettyField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
);

/** `NODE_ENV`, read only to choose the log format. */
export const nodeEnvField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().optional(),
);

/** Whether logs are pretty-printed: `LOG_PRETTY` when given, else whether NODE_ENV is development. */
export function logPretty(
  logPrettySetting: 'true' | 'false' | undefined,
  nodeEnv?: string,
): boolean {
  return logPrettySetting === undefined ? nodeEnv === 'development' : logPrettySetting === 'true';
}

/** `METRICS_HOST`: where the Prometheus endpoint listens; not the public interface by default. */
export const metricsHostField = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.string().min(1).default('127.0.0.1'),
);

/**
 * Refuses a `METRICS_PORT` equal to the public port named `publicPort`: metrics are never served
 * where clients connect (0, a free port, always differs).
 */
export function metricsPortApartFrom<Port extends string>(publicPort: Port, where: string) {
  return (env: { METRICS_PORT: number } & Record<Port, number>, ctx: z.RefinementCtx): void => {
    if (env.METRICS_PORT === 0 || env.METRICS_PORT !== env[publicPort]) return;
    ctx.addIssue({
      code: 'custom',
      path: ['METRICS_PORT'],
      message: `must differ from ${publicPort}: metrics are not served on the ${where}`,
    });
  };
}
