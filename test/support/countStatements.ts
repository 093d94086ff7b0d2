import type { Db } from '../../platform/db/createDb';

/**
 * The replay guard's own statements: an insert into `<agency>.gateway_token_use` for a call
 * that writes no access record (or for a batch of them), and the pruning of expired ids. They
 * are the transport's, not the request's; their cost is measured by their own tests and in
 * BENCHMARKS.md. A call that writes records decides its token in the access log's statement,
 * which is counted as the log's.
 */
const REPLAY_GUARD_STATEMENT = /^\s*(insert into|delete from) "[^"]+"\."gateway_token_use"/;

/**
 * Counts the SQL statements each named database handle sends while `work` runs, leaving out the
 * replay guard's.
 */
export async function countStatements<K extends string>(
  databases: Record<K, Db>,
  work: () => Promise<void>,
): Promise<Record<K, number>> {
  const counts = {} as Record<K, number>;
  const detach: (() => void)[] = [];
  for (const name of Object.keys(databases) as K[]) {
    counts[name] = 0;
    const listener = (query: { sql?: string }) => {
      if (!REPLAY_GUARD_STATEMENT.test(query.sql ?? '')) counts[name] += 1;
    };
    databases[name].on('query', listener);
    detach.push(() => databases[name].removeListener('query', listener));
  }
  try {
    await work();
    return counts;
  } finally {
    detach.forEach((stop) => stop());
  }
}

/** How many SQL statements one database handle sends while `work` runs. */
export async function statementsOf(db: Db, work: () => Promise<unknown>): Promise<number> {
  const counts = await countStatements({ db }, async () => void (await work()));
  return counts.db;
}
