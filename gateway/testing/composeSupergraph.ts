import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

/** Composes subgraph SDLs into a supergraph; a composition error fails the test that asked. */
export function composeSupergraph(subgraphs: { name: string; sdl: string; url: string }[]): string {
  const result = composeServices(
    subgraphs.map(({ name, sdl, url }) => ({ name, typeDefs: parse(sdl), url })),
  );
  if (result.errors) {
    throw new Error(
      `composition failed:\n${result.errors.map((error) => error.message).join('\n')}`,
    );
  }
  return result.supergraphSdl;
}
