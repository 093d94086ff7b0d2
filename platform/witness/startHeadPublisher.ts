import type { Db } from '../db/createDb';
import type { Logger } from '../logging/logger';
import type { LogName, SignedStatement } from './LogStatement';
import { publishStatement } from './publishStatement';
import { type LogHead, readLogHead } from './readLogHead';
import type { StatementSigner } from './signStatement';
import type { Witness } from './Witness';

export interface HeadPublisherOptions {
  /** Reads the agency's log (its service role suffices). */
  db: Db;
  /** The agency's schema. */
  schema: string;
  /** Which of its logs (default its access log). */
  log?: LogName;
  signer: StatementSigner;
  witnesses: readonly Witness[];
  /** How often the head is looked at; it is signed and published only when it moved. */
  intervalMs: number;
  logger: Logger;
  /** Told of every round (tests watch it instead of the clock). */
  onRound?: (outcome: PublishOutcome) => void;
}

export type PublishOutcome = 'published' | 'unchanged' | 'failed';

export interface HeadPublisher {
  /** Signs and publishes the head now if it moved since the last publication. */
  publishNow(): Promise<PublishOutcome>;
  /** Stops the timer and publishes the head one last time. */
  stop(): Promise<void>;
}

/**
 * Publishes an agency's signed log head to its witnesses on a timer, off the request path:
 * records written since the last publication are the only ones the database owner could still
 * rewrite unseen. A failed round is logged and retried on the next one.
 */
export function startHeadPublisher(options: HeadPublisherOptions): HeadPublisher {
  const { signer, logger } = options;
  const log = options.log ?? 'access';
  let published: LogHead | null = null;
  let running: Promise<PublishOutcome> = Promise.resolve('unchanged');
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const round = async (): Promise<PublishOutcome> => {
    let outcome: PublishOutcome;
    try {
      const head = await readLogHead(options.db, options.schema, log);
      if (!head || (head.seq === published?.seq && head.hash === published.hash)) {
        outcome = 'unchanged';
      } else {
        const signed: SignedStatement = signer.sign({
          kind: 'head',
          agency: signer.agency,
          seq: head.seq,
          hash: head.hash,
          signedAt: new Date().toISOString(),
          ...(log === 'statistics' && { log }),
        });
        await publishStatement(options.witnesses, signed);
        published = head;
        outcome = 'published';
      }
    } catch (error) {
      logger.warn({ err: error, log }, 'log head not witnessed; retrying on the next round');
      outcome = 'failed';
    }
    options.onRound?.(outcome);
    return outcome;
  };
  // Rounds never overlap: each waits for the one before.
  const publishNow = () => (running = running.then(round));
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void publishNow().then(schedule), options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    publishNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await publishNow();
    },
  };
}
