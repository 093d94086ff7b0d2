import { fanningFragments, times } from './documents';
import type { CorpusCategory } from './HostileCase';

const gql = (query: string, variables?: Record<string, unknown>) => ({
  json: { query, variables },
});

// PageInfo and AccessRecord are @shareable: several subgraphs can resolve their fields, the
// case in which a query planner weighs every way of fetching each aliased field.
const pageInfoAliases = (n: number) =>
  `{ people(first: 1) { pageInfo { ${times(n, (i) => `a${i}: hasNextPage`)} } } }`;

/**
 * The published denial-of-service patterns against GraphQL servers and federation gateways,
 * each refused before it is planned.
 */
export const dosPatterns: CorpusCategory = {
  category: 'dos-patterns',
  cases: [
    // CVE-2024-43414: the query planner and many aliases of @shareable fields.
    {
      name: '3,000 aliases of a @shareable field (PageInfo.hasNextPage)',
      attacks: 'query planning over @shareable fields (CVE-2024-43414)',
      request: gql(pageInfoAliases(3000)),
      expect: { status: 400, code: 'TOO_MANY_TOKENS' },
    },
    {
      name: '1,000 aliases of a @shareable field, within the token limit',
      attacks: 'query planning over @shareable fields (CVE-2024-43414)',
      request: gql(pageInfoAliases(1000)),
      expect: { status: 400, code: 'TOO_MANY_ALIASES' },
    },
    {
      name: 'aliases of @shareable fields in two subgraphs at once',
      attacks: 'query planning over @shareable fields (CVE-2024-43414)',
      request: gql(
        `{ people(first: 1) { pageInfo { ${times(300, (i) => `p${i}: endCursor`)} } } companies(first: 1) { pageInfo { ${times(300, (i) => `c${i}: endCursor`)} } } }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_ALIASES' },
    },
    {
      name: 'aliases of a @shareable type hidden in a fragment spread twice',
      attacks: 'alias limits that count a fragment once (CVE-2024-43414)',
      request: gql(
        `{ people(first: 1) { pageInfo { ...Many } } companies(first: 1) { pageInfo { ...Many } } } fragment Many on PageInfo { ${times(20, (i) => `a${i}: hasNextPage`)} }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_ALIASES' },
    },
    {
      name: '1,000 aliases of the @shareable AccessRecord.agency',
      attacks: 'query planning over @shareable fields (CVE-2024-43414)',
      request: gql(
        `{ me { dataAccessLog(first: 1) { nodes { ${times(1000, (i) => `a${i}: agency`)} } } } }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_ALIASES' },
    },
    {
      name: 'exponential fragments on the @shareable PageInfo',
      attacks: 'named-fragment expansion in the planner (CVE-2024-43414, GHSA-q2f9-x4p4-7xmh)',
      request: gql(
        `{ people(first: 1) { pageInfo { ...F30 } } } ${fanningFragments('F', 31, 'PageInfo', 'hasNextPage endCursor')}`,
      ),
      expect: { status: 400, code: 'TOO_MANY_FIELDS' },
    },
    // GHSA-q2f9-x4p4-7xmh, GHSA-p2q6-pwh5-m6jr: named fragments expanded once per spread.
    {
      name: '40 fragments each spreading the one before twice (2^39 copies)',
      attacks: 'named-fragment expansion in the planner (GHSA-q2f9-x4p4-7xmh)',
      request: gql(
        `{ people(first: 1) { nodes { ...F39 } } } ${fanningFragments('F', 40, 'Person', 'givenName familyName')}`,
      ),
      expect: { status: 400, code: 'TOO_MANY_FIELDS' },
    },
    {
      name: '25 fragments each spreading the one before three times (3^24 copies)',
      attacks: 'named-fragment expansion in the planner (GHSA-p2q6-pwh5-m6jr)',
      request: gql(
        `{ people(first: 1) { nodes { ...F24 } } } ${fanningFragments('F', 25, 'Person', 'givenName', 3)}`,
      ),
      expect: { status: 400, code: 'TOO_MANY_FIELDS' },
    },
    {
      name: 'exponential fragments at the root, on Query',
      attacks: 'named-fragment expansion in the planner (GHSA-q2f9-x4p4-7xmh)',
      request: gql(`{ ...F30 } ${fanningFragments('F', 31, 'Query', '__typename')}`),
      expect: { status: 400, code: 'TOO_MANY_ROOT_FIELDS' },
    },
    {
      name: 'exponential fragments through a nested field',
      attacks: 'named-fragment expansion in the planner (GHSA-p2q6-pwh5-m6jr)',
      request: gql(
        `{ people(first: 1) { nodes { ...F30 } } } fragment G on Person { givenName } ${times(
          31,
          (i) =>
            i === 0
              ? 'fragment F0 on Person { parents { ...G } }'
              : `fragment F${i} on Person { ...F${i - 1} parents { ...F${i - 1} } }`,
        )}`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    {
      name: 'one fragment of 10 fields spread 1,000 times',
      attacks: 'named-fragment expansion in the planner (GHSA-q2f9-x4p4-7xmh)',
      request: gql(
        `{ people(first: 1) { nodes { ${times(1000, () => '...P')} } } } fragment P on Person { givenName familyName dateOfBirth nationalId sex address { city municipality street } }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_FIELDS' },
    },
    {
      name: 'a ring of 500 fragments spreading each other',
      attacks: 'fragment-cycle detection and expansion',
      request: gql(
        `{ people(first: 1) { nodes { ...F0 } } } ${times(500, (i) => `fragment F${i} on Person { ...F${(i + 1) % 500} }`)}`,
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a fragment spreading itself',
      attacks: 'fragment-cycle detection',
      request: gql(
        '{ people(first: 1) { nodes { ...A } } } fragment A on Person { givenName ...A }',
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'two fragments spreading each other through a field',
      attacks: 'fragment-cycle detection',
      request: gql(
        '{ people(first: 1) { nodes { ...A } } } fragment A on Person { parents { ...B } } fragment B on Person { children { ...A } }',
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    // CVE-2023-26144: the overlapping-fields rule, quadratic in same-name fields.
    {
      name: '4,000 copies of one field',
      attacks: 'overlapping-fields validation (CVE-2023-26144)',
      request: gql(`{ people(first: 1) { nodes { ${times(4000, () => 'givenName')} } } }`),
      // graphql's rule stops at its own work budget.
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: '600 copies of one field with different arguments',
      attacks: 'overlapping-fields validation (CVE-2023-26144)',
      request: gql(
        `{ people(first: 1) { nodes { ${times(600, (i) => `incomeAssessments(year: ${1400 + i}) { year }`)} } } }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_TOKENS' },
    },
    {
      name: '300 copies of one field with different arguments, within the token limit',
      attacks: 'overlapping-fields validation (CVE-2023-26144)',
      request: gql(
        `{ people(first: 1) { nodes { ${times(300, (i) => `incomeAssessments(year: ${1700 + i}) { year }`)} } } }`,
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'root fields of one name with different arguments',
      attacks: 'overlapping-fields validation (CVE-2023-26144)',
      request: gql(
        `{ ${times(400, (i) => `person(nationalId: "${48507120002 + i}") { givenName }`)} }`,
      ),
      expect: { status: 400, code: 'TOO_MANY_ROOT_FIELDS' },
    },
    {
      name: 'one field with conflicting selections many times over',
      attacks: 'overlapping-fields validation (CVE-2023-26144)',
      request: gql(
        `{ people(first: 1) { nodes { ${times(700, (i) => (i % 2 ? 'address { city }' : 'address { municipality }'))} } } }`,
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    // Thousands of __typename, which every server answers without a resolver.
    {
      name: '4,000 __typename at the root',
      attacks: 'the executor: fields answered for free',
      request: gql(`{ ${times(4000, () => '__typename')} }`),
      expect: { status: 400, code: 'TOO_MANY_ROOT_FIELDS' },
    },
    {
      name: '4,000 __typename in a nested selection',
      attacks: 'the executor and overlapping-fields validation',
      request: gql(`{ people(first: 1) { nodes { ${times(4000, () => '__typename')} } } }`),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: '3,000 aliased __typename',
      attacks: 'the executor: fields answered for free',
      request: gql(`{ ${times(3000, (i) => `t${i}: __typename`)} }`),
      expect: { status: 400, code: 'TOO_MANY_TOKENS' },
    },
    {
      name: '1,000 aliased __typename, within the token limit',
      attacks: 'the executor: fields answered for free',
      request: gql(`{ people(first: 1) { nodes { ${times(1000, (i) => `t${i}: __typename`)} } } }`),
      expect: { status: 400, code: 'TOO_MANY_ALIASES' },
    },
    // Deep nesting.
    {
      name: '500 levels of parents',
      attacks: 'recursion in the executor and planner',
      request: gql(
        `{ people(first: 1) { nodes { ${'parents { '.repeat(500)}givenName${' }'.repeat(500)} } } }`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    {
      name: '3,000 levels of nesting',
      attacks: 'recursion in the parser',
      request: gql(`{ ${'a { '.repeat(3000)}b${' }'.repeat(3000)} }`),
      expect: { status: 400, code: 'TOO_MANY_TOKENS' },
    },
    {
      name: 'deep nesting hidden in fragments',
      attacks: 'depth limits that do not follow fragments',
      request: gql(
        `{ people(first: 1) { nodes { ...F0 } } } ${times(20, (i) => `fragment F${i} on Person { parents { ...F${i + 1} } }`)} fragment F20 on Person { givenName }`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    {
      name: 'a fragment reused deeper than first seen',
      attacks: 'depth limits that cache a fragment depth (GHSA-224p-v68g-5g8f)',
      request: gql(
        `{ people(first: 1) { nodes { ...T ${'parents { '.repeat(9)}...T${' }'.repeat(9)} } } } fragment T on Person { parents { parents { givenName } } }`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    {
      name: 'introspection fanning out: fields of the types of fields, six times over',
      attacks: 'introspection whose lists multiply (graphql’s introspection depth rule)',
      request: gql(
        `{ __schema { types { ${'fields { type { '.repeat(6)}name${' } }'.repeat(6)} } } }`,
      ),
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a deep operation named __schema',
      attacks: 'depth limits that skip introspection by name (GHSA-224p-v68g-5g8f)',
      request: gql(
        `query __schema { people(first: 1) { nodes { ${'parents { '.repeat(20)}__typename${' }'.repeat(20)} } } }`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    {
      name: 'a deep fragment named __schema',
      attacks: 'depth limits that skip introspection by name (GHSA-224p-v68g-5g8f)',
      request: gql(
        `{ people(first: 1) { nodes { ...__schema } } } fragment __schema on Person { ${'parents { '.repeat(20)}__typename${' }'.repeat(20)} }`,
      ),
      expect: { status: 400, code: 'QUERY_TOO_DEEP' },
    },
    // Megabyte strings and variables.
    {
      name: 'a megabyte string in the document',
      attacks: 'memory: the parser',
      request: gql(`{ person(nationalId: "${'9'.repeat(1 << 20)}") { givenName } }`),
      expect: { status: 413, code: 'REQUEST_TOO_LARGE' },
    },
    {
      name: 'a megabyte string variable',
      attacks: 'memory: variable coercion',
      request: gql('query($id: ID!) { person(nationalId: $id) { givenName } }', {
        id: '9'.repeat(1 << 20),
      }),
      expect: { status: 413, code: 'REQUEST_TOO_LARGE' },
    },
    {
      name: 'a 300 kB string variable, within the body limit',
      attacks: 'memory: variable coercion',
      request: gql('query($id: ID!) { person(nationalId: $id) { givenName } }', {
        id: '9'.repeat(300_000),
      }),
      expect: { status: 413, code: 'VARIABLES_TOO_LARGE' },
    },
    {
      name: 'a variable of 50,000 nested lists',
      attacks: 'recursion in variable coercion',
      request: {
        body: `{"query":"query($id: ID!) { person(nationalId: $id) { givenName } }","variables":{"id":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`,
      },
      expect: { status: 413, code: 'VARIABLES_TOO_LARGE' },
    },
    {
      name: 'many unused variables of megabyte size',
      attacks: 'memory: variables the operation does not declare',
      request: gql(
        '{ __typename }',
        Object.fromEntries(
          times(4, (i) => `v${i}`)
            .split(' ')
            .map((v) => [v, 'x'.repeat(100_000)]),
        ),
      ),
      expect: { status: 413, code: 'VARIABLES_TOO_LARGE' },
    },
    // Batching: one request, many operations.
    {
      name: 'a batch of two operations',
      attacks: 'per-request limits multiplied by a batch',
      request: { json: [{ query: '{ __typename }' }, { query: '{ __typename }' }] },
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a batch of 1,000 costly operations',
      attacks: 'per-request limits multiplied by a batch',
      request: {
        json: Array.from({ length: 1000 }, () => ({
          query: '{ people(first: 1000) { nodes { givenName } } }',
        })),
      },
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a batch of one',
      attacks: 'batching turned on by a single-element array',
      request: { json: [{ query: '{ __typename }' }] },
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    {
      name: 'a batch of mutations',
      attacks: 'per-request limits multiplied by a batch',
      request: {
        json: [
          { query: 'mutation { withdrawConsent(id: "1") { id } }' },
          { query: 'mutation { withdrawConsent(id: "2") { id } }' },
        ],
      },
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
  ],
};
