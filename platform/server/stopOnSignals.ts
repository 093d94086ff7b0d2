import type { Logger } from '../logging/logger';

/** What signals are heard on: the process, or a test's emitter. */
export interface SignalSource {
  once(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export interface StopOnSignalsOptions {
  logger: Logger;
  /** Default: the process. */
  source?: SignalSource;
  /** Ends the process once stopped; default `process.exit`. */
  exit?: (code: number) => void;
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * The one shutdown path of every service: on the first SIGTERM or SIGINT, `stop()` (stop taking
 * requests, finish those in flight, release connections), then exit 0; 1 if it failed. A
 * second signal while stopping changes nothing.
 */
export function stopOnSignals(stop: () => Promise<void>, options: StopOnSignalsOptions): void {
  const { logger } = options;
  const source = options.source ?? process;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping; requests in flight are finished first`);
    stop().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'did not stop cleanly');
        exit(1);
      },
    );
  };
  for (const signal of SIGNALS) source.once(signal, onSignal);
}
