import type { Classification } from '../../../platform/policy/classification';
import { composeSupergraph } from '../../../platform/federation/composeSupergraph';
import type {
  CatalogFile,
  CatalogFileField,
} from '../../../subgraphs/governance/catalog/catalogFile';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A supergraph of one subgraph, `population`, with the given types. */
export function supergraphOf(sdl: string): string {
  return composeSupergraph([
    { name: 'population', url: 'http://localhost:4001/graphql', sdl: `${FEDERATION_LINK}\n${sdl}` },
  ]);
}

/** How a fixture field is governed: a classification, or the catalog's whole entry. */
export type FixtureField = Classification | Partial<CatalogFileField>;

/** A data catalog of one agency, `population`, from `Type.field` to how each field is governed. */
export function catalogOf(fields: Record<string, FixtureField>): CatalogFile {
  const types = new Map<string, CatalogFileField[]>();
  for (const [coordinate, governed] of Object.entries(fields)) {
    const [type, field] = coordinate.split('.') as [string, string];
    const entry = typeof governed === 'string' ? { classification: governed } : governed;
    types.set(type, [
      ...(types.get(type) ?? []),
      {
        field,
        returns: 'String',
        description: null,
        classification: 'public',
        maskedForm: null,
        reservedTo: null,
        ...entry,
      },
    ]);
  }
  return {
    $comment: 'fixture',
    agencies: [
      {
        agency: 'population',
        title: 'Population Register',
        types: [...types].map(([type, typeFields]) => ({
          type,
          description: null,
          fields: typeFields,
        })),
      },
    ],
  };
}
