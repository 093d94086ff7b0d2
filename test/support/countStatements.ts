import type { Db } from '../../platform/db/createDb';

/** Counts the SQL statements each named database handle sends while `work` runs. */
export async function countStatements<K extends string>(
  databases: Record<K, Db>,
  work: () => Promise<void>,
): Promise<Record<K, number>> {
  const counts = {} as Record<K, number>;
  const detach: (() => void)[] = [];
  for (const name of Object.keys(databases) as K[]) {
    counts[name] = 0;
    const listener = () => (counts[name] += 1);
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
