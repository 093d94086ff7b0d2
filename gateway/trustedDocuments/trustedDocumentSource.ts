import { readFile } from 'node:fs/promises';
import type { Logger } from '../../platform/logging/logger';
import type { RefreshOutcome } from '../supergraphSource';
import { parseTrustedDocuments, type TrustedDocuments } from './parseTrustedDocuments';

/** Raised when the trusted documents manifest cannot be read or is not valid. */
export class TrustedDocumentsError extends Error {
  override readonly name = 'TrustedDocumentsError';
}

/** Where the trusted documents are, and who may run nothing else. */
export interface TrustedDocumentsOptions {
  /** The manifest file. */
  path: string;
  /** Organisations, or `<organisation>/<subject>` clients, held to their registered documents. */
  heldClients: readonly string[];
}

/** The trusted documents being served: the last version of the manifest that loaded cleanly. */
export interface TrustedDocumentSource {
  current(): TrustedDocuments;
  /** Re-reads the manifest; a broken one is logged and the current documents kept. */
  refresh(): Promise<RefreshOutcome>;
}

/**
 * Loads the manifest once (a broken one at start-up throws a `TrustedDocumentsError`) and
 * re-reads it on demand. Every client held to its documents must have an entry (its own or
 * its organisation's), or it could run nothing: a manifest without one is refused.
 */
export async function createTrustedDocumentSource(
  path: string,
  heldClients: readonly string[],
  logger: Logger,
): Promise<TrustedDocumentSource> {
  let served = await loadManifest(path, heldClients);
  return {
    current: () => served.documents,
    async refresh() {
      let candidate: Loaded;
      try {
        candidate = await loadManifest(path, heldClients);
      } catch (error) {
        logger.error(
          { err: error, path },
          'trusted documents reload rejected; still serving the previous documents',
        );
        return 'rejected';
      }
      if (candidate.text === served.text) return 'unchanged';
      served = candidate;
      logger.info({ path, clients: [...candidate.documents.keys()] }, 'trusted documents reloaded');
      return 'changed';
    },
  };
}

interface Loaded {
  text: string;
  documents: TrustedDocuments;
}

async function loadManifest(path: string, heldClients: readonly string[]): Promise<Loaded> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TrustedDocumentsError(
      `cannot read the trusted documents at ${path}: ${(error as Error).message}`,
    );
  }
  try {
    const documents = parseTrustedDocuments(parseJson(text));
    const missing = heldClients.filter(
      (client) => !documents.has(client) && !documents.has(client.split('/')[0]!),
    );
    if (missing.length > 0)
      throw new Error(`no documents for ${missing.join(', ')}, which may run only their own`);
    return { text, documents };
  } catch (error) {
    throw new TrustedDocumentsError(
      `the trusted documents at ${path} are not valid: ${(error as Error).message}`,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`, { cause: error });
  }
}
