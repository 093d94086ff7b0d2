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
 * The runtime's attributes that may reach the log: names, counts and timings. At debug level
 * the runtime logs subgraph results and variables, which carry personal data; they, and any
 * attribute not named here, are dropped at every level.
 */
const ALLOWED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'subgraph',
  'subgraphName',
  'subgraphs',
  'transportKind',
  'kind',
  'duration',
  'attempt',
  'status',
  'statusCode',
  'pathname',
  'method',
  'operationName',
  'operationType',
  'requestId',
  'uplinks',
]);

const MAX_TEXT = 200;

/**
 * Routes the runtime's own log lines (supergraph loads, subgraph failures, masked errors)
 * into the service's pino logger, so the gateway writes one JSON stream at one level, keeping
 * only allowed attributes (`ALLOWED_ATTRIBUTES`) and, of an error, its name and code.
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
          logger[level]({ component: 'runtime', ...safeAttributes(attrs) }, msg ?? undefined);
        },
      },
    ],
  });
}

/** The attributes of a runtime line that may be logged: see `ALLOWED_ATTRIBUTES`. */
export function safeAttributes(attrs: unknown): Record<string, unknown> {
  if (typeof attrs !== 'object' || attrs === null || Array.isArray(attrs)) return {};
  const safe: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'err' || key === 'error') {
      const summary = errorSummary(value);
      if (summary) safe[key] = summary;
    } else if (ALLOWED_ATTRIBUTES.has(key)) {
      const plain = plainValue(value);
      if (plain !== undefined) safe[key] = plain;
    }
  }
  return safe;
}

function plainValue(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.slice(0, MAX_TEXT);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string'))
    return value.map((item: string) => item.slice(0, MAX_TEXT));
  return undefined;
}

/**
 * An error's name and code (`extensions.code`, or a system error's such as ECONNREFUSED), not
 * its message: a subgraph's message may quote what the caller asked for (a national ID).
 */
function errorSummary(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const error = value as { name?: unknown; code?: unknown; extensions?: { code?: unknown } };
  const summary: Record<string, string> = {};
  if (typeof error.name === 'string') summary.name = error.name.slice(0, MAX_TEXT);
  const code = error.extensions?.code ?? error.code;
  if (typeof code === 'string') summary.code = code.slice(0, MAX_TEXT);
  return summary;
}
