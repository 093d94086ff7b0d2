import pino from 'pino';
import { Writable } from 'node:stream';
import type { Logger } from '../../platform/logging/logger';

/** A logger whose JSON lines a test can read back. */
export interface MemoryLogger {
  logger: Logger;
  lines(): Record<string, unknown>[];
}

export function memoryLogger(): MemoryLogger {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines: () => lines };
}
