import { times } from './documents';
import type { CorpusCategory, HostileCase } from './HostileCase';

const probe = (name: string, attacks: string, query: string, code: string): HostileCase => ({
  name,
  attacks,
  request: { json: { query } },
  expect: { status: 400, code },
});

/** Probes of the schema and of federation's internals that the gateway refuses. */
export const introspection: CorpusCategory = {
  category: 'introspection',
  cases: [
    probe(
      'the hidden join key of Person',
      'fields kept from clients (@inaccessible)',
      '{ people(first: 1) { nodes { id } } }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      'federation entities at the gateway',
      "federation's internal root fields",
      '{ _entities(representations: [{ __typename: "Person", id: "1" }]) { __typename } }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      "the subgraphs' SDL at the gateway",
      "federation's internal root fields",
      '{ _service { sdl } }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      'every type by name, under aliases',
      'schema enumeration in one request',
      `{ ${times(40, (i) => `t${i}: __type(name: "T${i}") { name }`)} }`,
      'TOO_MANY_ALIASES',
    ),
    probe(
      'the interfaces of the possible types of the interfaces, nested',
      'introspection whose lists multiply (graphql’s introspection depth rule)',
      `{ __schema { types { ${'interfaces { possibleTypes { '.repeat(4)}name${' } }'.repeat(4)} } } }`,
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      '__schema asked 25 times',
      'repeated introspection',
      `{ ${times(25, () => '__schema { queryType { name } }')} }`,
      'TOO_MANY_ROOT_FIELDS',
    ),
    probe(
      'introspection types through cyclic fragments',
      'fragment-cycle detection',
      '{ __schema { types { ...A } } } fragment A on __Type { fields { type { ...A } } }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      '__schema below a field',
      'introspection where the schema does not offer it',
      '{ people(first: 1) { __schema { queryType { name } } } }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      'a directive of the supergraph’s join machinery',
      'the supergraph’s join and link machinery',
      '{ __typename @join__field(graph: POPULATION) }',
      'GRAPHQL_VALIDATION_FAILED',
    ),
    probe(
      'exponential fragments over __Type',
      'named-fragment expansion of introspection',
      `{ __schema { types { ...F30 } } } ${times(31, (i) => (i === 0 ? 'fragment F0 on __Type { name kind }' : `fragment F${i} on __Type { ...F${i - 1} ...F${i - 1} }`))}`,
      'TOO_MANY_FIELDS',
    ),
  ],
};
