import 'reflect-metadata';
import { AGENCY_NAMES, type AgencyName } from '../../platform/agencies';
import { runMain } from '../../platform/config/runMain';
import { createDb } from '../../platform/db/createDb';
import { setCursorKey } from '../../platform/pagination/cursor';
import { startBareSubgraph } from './startBareSubgraph';

/**
 * `node bareSubgraphMain.js <agency>`: the agency's resolvers, loaders and repositories on a
 * plain Apollo server, without field policy, access log or gateway token: the subgraphs every
 * gateway but govgraph's full stack is measured over. Benchmark only; never deployed.
 * Reads BENCH_DATABASE_URL, BENCH_PORT, BENCH_POOL_SIZE and BENCH_CURSOR_KEY (base64url).
 */
runMain(async () => {
  const agency = process.argv[2] as AgencyName;
  if (!AGENCY_NAMES.includes(agency)) throw new Error(`unknown agency ${process.argv[2]}`);
  const db = createDb({
    url: process.env.BENCH_DATABASE_URL!,
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
    applicationName: `bench-bare-${agency}`,
  });
  if (process.env.BENCH_CURSOR_KEY)
    setCursorKey(Buffer.from(process.env.BENCH_CURSOR_KEY, 'base64url'));
  const subgraph = await startBareSubgraph(agency, db, {
    host: '127.0.0.1',
    port: Number(process.env.BENCH_PORT),
  });
  const stop = async () => {
    await subgraph.stop();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
});
