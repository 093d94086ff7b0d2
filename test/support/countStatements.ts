import type { Db } from '../../platform/db/createDb';

/**
 * The statements of the gateway-token replay guard, one insert per subgraph call (or per
 * batch of calls) into `<agency>.gateway_token_use`: the transport's, not the request's. Its cost
 * is measured by its own tests and in BENCHMARKS.md; the counts here are of data and log.
 */
const REPLAY_GUARD_TABLE = /\bgateway_token_use\b/;

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
      if (!REPLAY_GUARD_TABLE.test(query.sql ?? '')) counts[name] += 1;
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
