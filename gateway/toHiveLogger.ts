import { Logger as HiveLogger, type LogLevel } from '@graphql-hive/gateway-runtime';
import type { Logger } from '../platform/logging/logger';

const HIVE_LEVELS: ReadonlySet<string> = new Set<LogLevel>([
  'trace',
  'debug',
  'info',
  'warn',
  'error',
]);

/**
 * Routes the runtime's own log lines (supergraph loads, subgraph failures, masked errors)
 * into the service's pino logger, so the gateway writes one JSON stream at one level.
 */
export function toHiveLogger(logger: Logger): HiveLogger {
  return new HiveLogger({
    // Read on every line, so changing the pino level later also changes the runtime's.
    level: () => {
      if (logger.level === 'silent') return false;
      if (logger.level === 'fatal') return 'error';
      return HIVE_LEVELS.has(logger.level) ? (logger.level as LogLevel) : 'info';
    },
    writers: [
      {
        write(level, attrs, msg) {
          const fields = Array.isArray(attrs) ? { attrs } : (attrs ?? {});
          logger[level]({ component: 'runtime', ...fields }, msg ?? undefined);
        },
      },
    ],
  });
}
