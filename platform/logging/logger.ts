import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export interface LoggerSettings {
  /** Human-readable lines (pino-pretty) instead of JSON: for development only. */
  pretty?: boolean;
  /** Where lines go instead of stdout (tests capture them). */
  destination?: DestinationStream;
}

/**
 * Creates the structured logger of one service; every line carries the service name. Lines
 * are JSON unless `pretty` is asked for and pino-pretty is installed; a production image
 * built without it still logs JSON.
 */
export function createLogger(
  service: string,
  level: string,
  settings: LoggerSettings = {},
): Logger {
  const options: LoggerOptions = { name: service, level, base: { service } };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty && prettyPrinterInstalled())
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(options);
}

function prettyPrinterInstalled(): boolean {
  try {
    createRequire(__filename).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}
