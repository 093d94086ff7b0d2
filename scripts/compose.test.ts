import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AGENCY_NAMES } from '../platform/agencies';
import { buildSchemaArtifacts, SCHEMA_DIR } from './schemaArtifacts';

describe('the checked-in schema', () => {
  it('composes without errors and matches what the subgraphs produce now (run `npm run compose` if not)', async () => {
    const { subgraphs, supergraph } = await buildSchemaArtifacts();
    expect(subgraphs.map((s) => s.name)).toEqual(AGENCY_NAMES);
    for (const { name, sdl } of subgraphs) {
      const checkedIn = await readFile(
        path.join(SCHEMA_DIR, 'subgraphs', `${name}.graphql`),
        'utf8',
      );
      expect({ name, sdl: checkedIn }).toEqual({ name, sdl });
    }
    expect(await readFile(path.join(SCHEMA_DIR, 'supergraph.graphql'), 'utf8')).toBe(supergraph);
  });
});
