import { createServer } from 'node:http';
import { runMain } from '../../platform/config/runMain';
import { createDb } from '../../platform/db/createDb';
import { WORKLOAD_NAMES, type WorkloadName } from './benchArgs';
import { floorAnswer } from './floorQueries';

/**
 * The floor: a small HTTP server that answers `{"workload", "subject"}` with one SQL statement
 * (floorQueries.ts), on 127.0.0.1:BENCH_PORT over BENCH_DATABASE_URL. Benchmark only.
 */
runMain(async () => {
  const db = createDb({
    url: process.env.BENCH_DATABASE_URL!,
    poolSize: Number(process.env.BENCH_POOL_SIZE ?? 10),
    applicationName: 'bench-floor',
  });
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      let asked: { workload?: string; subject?: string };
      try {
        asked = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof asked;
      } catch {
        return reply(400, { errors: [{ message: 'not JSON' }] });
      }
      // The readiness probe's `{ __typename }` asks for no workload.
      if (!asked.workload) return reply(200, { data: { __typename: 'Query' } });
      if (!WORKLOAD_NAMES.includes(asked.workload as WorkloadName) || !asked.subject)
        return reply(400, { errors: [{ message: 'unknown workload or no subject' }] });
      floorAnswer(db, asked.workload as WorkloadName, asked.subject).then(
        (answer) => reply(200, answer),
        (error: unknown) => reply(500, { errors: [{ message: String(error) }] }),
      );
    });
  });
  server.listen(Number(process.env.BENCH_PORT), '127.0.0.1');
  process.once('SIGTERM', () => {
    server.close();
    void db.destroy().then(() => process.exit(0));
  });
});
