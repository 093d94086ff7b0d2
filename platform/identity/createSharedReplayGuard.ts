import type { Db } from '../db/createDb';
import { isDatabaseUnreachable } from '../db/isDatabaseUnreachable';
import {
  preparedStatement,
  quotedTable,
  runPrepared,
  type StatementPreparation,
} from '../db/preparedStatement';
import type { Logger } from '../logging/logger';

/** Remembers single-use token ids in the agency's database, for every replica of its subgraph. */
export interface SharedReplayGuard {
  /**
   * True if no replica has admitted `id` before, false on a reuse. `expiresAt` (Unix seconds)
   * is when the token can no longer be valid, after which the id may be forgotten.
   */
  admit(id: string, expiresAt: number): Promise<boolean>;
  /** Deletes the ids of tokens that have expired (also done every `pruneIntervalMs`). */
  prune(): Promise<void>;
  /** Stops pruning. */
  stop(): void;
}

export interface SharedReplayGuardOptions {
  db: Db;
  /** The agency's schema, holding `gateway_token_use`. */
  schema: string;
  logger: Logger;
  /** How often expired ids are deleted (default a minute). */
  pruneIntervalMs?: number;
  /** Whether each connection keeps the insert prepared (not on the embedded database). */
  preparation?: StatementPreparation;
}

interface Pending {
  id: string;
  expiresAt: number;
  resolve(admitted: boolean): void;
  reject(error: unknown): void;
}

/**
 * A replay guard over `<schema>.gateway_token_use`: the ids asked about in one turn of the
 * event loop are inserted in one statement (`on conflict do nothing`), and those the insert
 * returns are the ones no replica had seen. The caller's own per-process guard refuses
 * replays to this replica first, so one batch never holds an id twice.
 *
 * When the database cannot be reached the id is admitted on the per-process guard alone: the
 * request it carries can then read and release nothing, as the agency's data and its access
 * log live in the same database.
 */
export function createSharedReplayGuard(options: SharedReplayGuardOptions): SharedReplayGuard {
  const { db, logger } = options;
  const table = `${options.schema}.gateway_token_use`;
  const admitIds = preparedStatement(
    `insert into ${quotedTable(db, table)} (token_id, expires_at)
       select id, to_timestamp(expires) from unnest(?::text[], ?::bigint[]) as t(id, expires)
     on conflict (token_id) do nothing returning token_id`,
    options.preparation ?? 'none',
  );
  let pending: Pending[] = [];
  let scheduled = false;

  const flush = async () => {
    const batch = pending;
    pending = [];
    scheduled = false;
    try {
      const result = await runPrepared<{ rows: { token_id: string }[] }>(db, admitIds, [
        batch.map(({ id }) => id),
        batch.map(({ expiresAt }) => expiresAt),
      ]);
      const admitted = new Set(result.rows.map((row) => row.token_id));
      for (const entry of batch) entry.resolve(admitted.has(entry.id));
    } catch (error) {
      if (!isDatabaseUnreachable(error)) return batch.forEach((entry) => entry.reject(error));
      logger.warn({ err: error }, 'token ids not shared: the database cannot be reached');
      for (const entry of batch) entry.resolve(true);
    }
  };

  const prune = async () => void (await db.raw('delete from ?? where expires_at < now()', [table]));
  const pruning = setInterval(() => {
    prune().catch((error: unknown) => logger.warn({ err: error }, 'expired token ids not pruned'));
  }, options.pruneIntervalMs ?? 60_000);
  pruning.unref();

  return {
    admit(id, expiresAt) {
      return new Promise((resolve, reject) => {
        pending.push({ id, expiresAt, resolve, reject });
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => void flush());
      });
    },
    prune,
    stop: () => clearInterval(pruning),
  };
}
