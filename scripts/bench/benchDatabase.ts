import { createDb, type Db } from '../../platform/db/createDb';

/**
 * A database of the benchmark's own on the PostgreSQL server at `serverUrl`, dropped by
 * `cleanup`. The bench runs on real PostgreSQL only: the embedded database serialises
 * every transaction and would measure itself.
 */
export async function benchDatabase(
  serverUrl: string,
): Promise<{ url: string; cleanup: () => Promise<void>; where: string }> {
  const name = `govgraph_bench_${process.pid}`;
  const admin: Db = createDb({ url: serverUrl, poolSize: 1 });
  await admin.raw('create database ??', [name]);
  await admin.destroy();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: `database ${name} on ${url.host}`,
    cleanup: async () => {
      const drop = createDb({ url: serverUrl, poolSize: 1 });
      await drop.raw('drop database if exists ?? with (force)', [name]);
      await drop.destroy();
    },
  };
}
