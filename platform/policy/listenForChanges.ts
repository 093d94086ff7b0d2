import { Client } from 'pg';
import type { Logger } from '../logging/logger';

/** The channel the governance store's trigger notifies on every agreement or consent change. */
export const GOVERNANCE_CHANNEL = 'governance_changed';

/**
 * Listens on the governance store's channel, so a change applies within milliseconds where
 * the server delivers notifications; polling remains the guarantee where it does not (the
 * embedded database) or while the listener reconnects. Resolves to a function that stops it.
 */
export async function listenForChanges(
  databaseUrl: string,
  onChange: () => void,
  logger: Logger,
): Promise<() => Promise<void>> {
  let client: Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new Client({
      connectionString: databaseUrl,
      application_name: 'govgraph-policy-listener',
    });
    next.on('notification', (message) => {
      if (message.channel === GOVERNANCE_CHANNEL) onChange();
    });
    next.on('error', (error) => {
      logger.warn({ err: error }, 'policy change listener lost its connection; polling meanwhile');
      client = null;
      next.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1_000).unref();
    });
    await next.connect();
    await next.query(`listen ${GOVERNANCE_CHANNEL}`);
    client = next;
  };

  try {
    await connect();
  } catch (error) {
    logger.warn({ err: error }, 'cannot listen for policy changes; relying on polling');
  }
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
