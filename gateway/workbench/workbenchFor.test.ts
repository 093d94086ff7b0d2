import { transformSupergraphToPublicSchema } from '@theguild/federation-composition';
import { buildASTSchema, parse, validate } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../platform/repoRoot';
import { type Persona, PERSONA_NAMES, PERSONAS } from '../../demo/identity/personas';
import { SHOWCASE_OPERATIONS } from '../../demo/showcaseOperations';
import { profileDefaults } from '../profiles/profileSettings';
import { DEMO_TOKEN_PATH } from './useDemoTokenRoute';
import { workbenchFor } from './workbenchFor';

const ISSUER = 'https://login.gov.example';
const CLIENT = { clientId: 'govgraph-explorer', scope: 'openid profile' };

test('the demo signs in with every persona, described, and opens on the showcase', () => {
  const workbench = workbenchFor(profileDefaults('demo', 0), '/graphql', ISSUER, CLIENT);
  expect(workbench.signIn).toEqual({
    kind: 'demo',
    tokenPath: DEMO_TOKEN_PATH,
    personas: PERSONA_NAMES.map((name) => ({
      name,
      description: PERSONAS[name].description,
      organisation: (PERSONAS[name] as Persona).claims?.org ?? null,
    })),
  });
  const personas = workbench.signIn.kind === 'demo' ? workbench.signIn.personas : [];
  expect(personas.find((persona) => persona.name === 'caseworker')?.organisation).toBe(
    'social-insurance',
  );
  expect(personas.find((persona) => persona.name === 'citizen')?.organisation).toBeNull();
  expect(workbench.showcase).toBe(SHOWCASE_OPERATIONS);
});

test("production signs in at the gateway's own token issuer when the explorer has a client there", () => {
  const production = profileDefaults('production', 0);
  expect(workbenchFor(production, '/graphql', ISSUER, CLIENT)).toEqual({
    graphqlPath: '/graphql',
    signIn: { kind: 'openid-connect', issuer: ISSUER, ...CLIENT },
    showcase: [],
  });
  expect(workbenchFor(production, '/graphql', ISSUER, undefined).signIn).toEqual({ kind: 'none' });
});

test('every showcase operation is named as its editor tab is titled, and suggests a known persona', () => {
  for (const operation of SHOWCASE_OPERATIONS) {
    expect(operation.query).toMatch(new RegExp(`^query ${operation.operationName}\\b`));
    expect(PERSONA_NAMES).toContain(operation.persona);
    expect(operation.description.length).toBeGreaterThan(40);
  }
  expect(SHOWCASE_OPERATIONS.map((operation) => operation.operationName)).toEqual([
    'PersonAcrossSixAgencies',
    'CompanyWithItsBoard',
    'ChildAllowanceByMunicipality',
  ]);
});

test('every showcase operation is valid against the composed graph, as clients see it', () => {
  const supergraph = readFileSync(path.join(repoRoot(), 'schema', 'supergraph.graphql'), 'utf8');
  const schema = buildASTSchema(transformSupergraphToPublicSchema(parse(supergraph)));
  for (const operation of SHOWCASE_OPERATIONS) {
    expect({
      operation: operation.operationName,
      errors: validate(schema, parse(operation.query)).map((error) => error.message),
    }).toEqual({ operation: operation.operationName, errors: [] });
  }
});
