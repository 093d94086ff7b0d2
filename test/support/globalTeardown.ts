import type { EmbeddedPostgres } from '../../platform/db/embeddedPostgres';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __embeddedPostgres?: EmbeddedPostgres | null })
    .__embeddedPostgres;
  await embedded?.stop();
}
