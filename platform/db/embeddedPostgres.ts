import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { SessionAffineQueue } from './sessionAffineQueue';

export interface EmbeddedPostgres {
  /** A postgres:// URL that any `pg` client can use. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** 0 picks a free port. */
  port?: number;
  /** Must be at least the sum of every pool that connects. */
  maxConnections?: number;
  /** A directory to keep the data in; in memory when absent. */
  dataDir?: string;
}

/**
 * Starts PostgreSQL compiled to WebAssembly (PGlite) in this process and exposes it on the
 * PostgreSQL wire protocol, so every service uses the same `pg` driver as in production.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  const db = await PGlite.create(options.dataDir);
  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 100,
  });
  useSessionAffineQueue(server, db);
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Puts the session-affine queue in place of the server's own, before any client connects
 * (each connection's handler takes the server's queue). Stops if the library no longer has one.
 */
function useSessionAffineQueue(server: PGLiteSocketServer, db: PGlite): void {
  const internals = server as unknown as { queryQueue?: unknown };
  if (typeof internals.queryQueue !== 'object' || internals.queryQueue === null)
    throw new Error('@electric-sql/pglite-socket has no queryQueue to replace: check its version');
  internals.queryQueue = new SessionAffineQueue(db);
}
