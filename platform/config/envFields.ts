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
