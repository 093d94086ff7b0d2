import { randomBytes } from 'node:crypto';
import { createDb } from './createDb';

/** A database made for one run on a PostgreSQL server, and how to drop it again. */
export interface ScratchDatabase {
  url: string;
  /** Its name and server, for a progress line. */
  where: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty database of its own (`<prefix>_<pid>_<random>`) on the server at
 * `serverUrl`, so that concurrent runs of the tests, the bench or the soak never meet.
 * `drop()` removes it, ending any session still in it.
 */
export async function createScratchDatabase(
  serverUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = createDb({ url: serverUrl, poolSize: 1 });
  try {
    await admin.raw('create database ??', [name]);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    where: `database ${name} on ${url.host}`,
    async drop() {
      const cleanup = createDb({ url: serverUrl, poolSize: 1 });
      try {
        await cleanup.raw('drop database if exists ?? with (force)', [name]);
      } finally {
        await cleanup.destroy();
      }
    },
  };
}
