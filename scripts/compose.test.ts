import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AGENCY_NAMES } from '../platform/agencies';
import { buildSchemaArtifacts, SCHEMA_DIR } from './schemaArtifacts';

describe('the checked-in schema', () => {
  let artifacts: Awaited<ReturnType<typeof buildSchemaArtifacts>>;
  beforeAll(async () => {
    artifacts = await buildSchemaArtifacts();
  });

  it('composes without errors and matches what the subgraphs produce now (run `npm run compose` if not)', async () => {
    const { subgraphs, supergraph } = artifacts;
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

  it('has a data catalog that matches the subgraphs and their field policies (run `npm run compose` if not)', async () => {
    const checkedIn = await readFile(path.join(SCHEMA_DIR, 'catalog.json'), 'utf8');
    expect(JSON.parse(checkedIn)).toEqual(JSON.parse(artifacts.catalog));
    expect(checkedIn).toBe(artifacts.catalog);
  });
});
