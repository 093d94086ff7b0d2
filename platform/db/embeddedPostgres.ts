import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
