import type { Db } from '../../platform/db/createDb';
import type { TcpProxy } from './tcpProxy';
import { isEmbeddedTestDatabase } from './testDatabase';

/**
 * Ends every database session opened through `proxy`, as a database administrator or a
 * failover would: on PostgreSQL with `pg_terminate_backend` (the sessions are told from other
 * test files' by the relay's local ports, their `client_port`); on the embedded database, which
 * has no server processes to end, by dropping the connections at the relay. Only the
 * services' sessions (`govgraph-<agency>…`): a port just freed at the relay may already be
 * another connection's, such as the test's own. Resolves to the number of sessions ended.
 */
export async function killSessions(db: Db, proxy: TcpProxy): Promise<number> {
  const ports = proxy.upstreamPorts();
  if (isEmbeddedTestDatabase()) {
    proxy.reset();
    return ports.length;
  }
  if (ports.length === 0) return 0;
  // The sessions are chosen first, in a materialized CTE: in one WHERE clause the planner may
  // call pg_terminate_backend before the other conditions, ending every session on the server.
  const { rows } = await db.raw<{ rows: { pid: number }[] }>(
    `with chosen as materialized (
       select pid from pg_stat_activity
       where datname = current_database() and client_port = any(?::int[])
         and application_name like 'govgraph-%'
     )
     select pid from chosen where pg_terminate_backend(pid)`,
    [ports],
  );
  return rows.length;
}
