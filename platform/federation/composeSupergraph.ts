import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/** Raised when the subgraphs do not compose; lists every composition error. */
export class CompositionError extends Error {
  override readonly name = 'CompositionError';
}

/** Composes Federation 2 subgraph SDLs into a supergraph SDL, or throws naming every error. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): string {
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors && result.errors.length > 0) {
    throw new CompositionError(
      `the subgraphs do not compose:\n${result.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  if (!result.supergraphSdl) throw new CompositionError('composition produced no supergraph');
  return `${result.supergraphSdl.trim()}\n`;
}
