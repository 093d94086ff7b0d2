import type { DocumentNode } from 'graphql';
import type { Logger } from '../platform/logging/logger';
import { loadSupergraph, type Supergraph } from './loadSupergraph';

/** What a refresh did: swapped in a new supergraph, found the same one, or refused a broken one. */
export type RefreshOutcome = 'changed' | 'unchanged' | 'rejected';

/** The supergraph being served, kept as the last version of the file that loaded cleanly. */
export interface SupergraphSource {
  current(): Supergraph;
  /** The document handed to the runtime; it never sees a file that failed to load. */
  document(): DocumentNode;
  refresh(): Promise<RefreshOutcome>;
}

/**
 * Loads the supergraph file once (a broken file at start-up is fatal) and re-reads it on
 * demand; a broken file later is logged and the previous supergraph keeps being served.
 */
export async function createSupergraphSource(
  path: string,
  logger: Logger,
): Promise<SupergraphSource> {
  let served = await loadSupergraph(path);
  return {
    current: () => served,
    document: () => served.document,
    async refresh() {
      let candidate: Supergraph;
      try {
        candidate = await loadSupergraph(path);
      } catch (error) {
        logger.error(
          { err: error, path },
          'supergraph reload rejected; still serving the previous supergraph',
        );
        return 'rejected';
      }
      if (candidate.sdl === served.sdl) return 'unchanged';
      served = candidate;
      logger.info({ path, subgraphs: candidate.subgraphNames }, 'supergraph reloaded');
      return 'changed';
    },
  };
}
