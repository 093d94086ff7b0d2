import type { Db } from '../db/createDb';
import { type LogName, logTable } from './LogStatement';

/** The last record of an agency's log: what its head says, read the way its service role can. */
export interface LogHead {
  seq: number;
  hash: string;
}

/** The newest record's sequence number and hash; null while the log holds no records. */
export async function readLogHead(
  db: Db,
  schema: string,
  log: LogName = 'access',
): Promise<LogHead | null> {
  // The service role may not read the head table; the newest record is the same thing,
  // written by the same trigger in the same transaction, and found by the primary key.
  const row = await db(logTable(schema, log))
    .orderBy('seq', 'desc')
    .first<{ seq: number; hash: string } | undefined>('seq', 'hash');
  return row ? { seq: Number(row.seq), hash: row.hash } : null;
}
