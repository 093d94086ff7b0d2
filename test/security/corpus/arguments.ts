import type { CorpusCategory, HostileCase } from './HostileCase';

const CASEWORKER = {
  as: { persona: 'caseworker' as const },
  headers: { 'x-purpose': 'benefit-eligibility' },
};

/** Strings that would change a statement built by concatenation, or its encoding. */
const INJECTIONS: [string, string][] = [
  ['a quote and OR', "' OR '1'='1"],
  ['a comment', "48507120002'--"],
  ['a stacked statement', "'; DROP TABLE population.person; --"],
  ['a UNION', "' UNION SELECT national_id FROM population.person --"],
  ['a dollar quote', '$$; DELETE FROM governance.agreement; $$'],
  ['a NUL byte', '48507120002\u0000'],
  ['a LIKE wildcard', '%'],
  ['a JSON operator', "'::jsonb ? 'x"],
];

const subgraphError = (
  name: string,
  attacks: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  code: string,
  as: Partial<typeof CASEWORKER> = CASEWORKER,
): HostileCase => ({
  name,
  attacks,
  request: { json: { query, variables }, ...as },
  expect: { status: 200, code },
  reachesSubgraphs: true,
});

const PEOPLE =
  'query($first: Int!, $after: String) { people(first: $first, after: $after) { nodes { givenName } } }';

/** Arguments out of range, malformed or crafted: answered with a clear error, changing nothing. */
export const argumentCases: CorpusCategory = {
  category: 'arguments',
  cases: [
    subgraphError('a negative page size', 'paging', PEOPLE, { first: -1 }, 'BAD_USER_INPUT'),
    subgraphError(
      'a page size over the page limit',
      'paging',
      PEOPLE,
      { first: 10_001 },
      'TOO_MANY_SUBJECTS',
    ),
    {
      name: 'a page size beyond Int',
      attacks: 'argument coercion',
      request: {
        json: { query: '{ people(first: 2147483648) { nodes { givenName } } }' },
        ...CASEWORKER,
      },
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a page size of a billion, as a variable',
      attacks: 'paging and the cost limit',
      request: { json: { query: PEOPLE, variables: { first: 1_000_000_000 } }, ...CASEWORKER },
      expect: { status: 400, code: 'QUERY_TOO_COSTLY' },
    },
    {
      name: 'a page size that is a string',
      attacks: 'variable coercion',
      request: { json: { query: PEOPLE, variables: { first: 'ten' } }, ...CASEWORKER },
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a page size that is a float',
      attacks: 'variable coercion',
      request: { json: { query: PEOPLE, variables: { first: 1.5 } }, ...CASEWORKER },
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    {
      name: 'a missing required page size',
      attacks: 'variable coercion',
      request: { json: { query: PEOPLE, variables: {} }, ...CASEWORKER },
      expect: { status: 400, code: 'BAD_USER_INPUT' },
    },
    ...[
      ['a cursor that is not sealed', 'bm9wZQ'],
      ['a cursor with an injection', "' OR 1=1 --"],
      ['a cursor of 10 kB', 'A'.repeat(10_000)],
      ['a cursor of another list', 'eyJsaXN0IjoiY29tcGFuaWVzIiwiYWZ0ZXIiOiIxMjM0NTY3OCJ9'],
    ].map(([name, after]) =>
      subgraphError(name!, 'sealed cursors', PEOPLE, { first: 5, after }, 'BAD_USER_INPUT'),
    ),
    ...INJECTIONS.map(([name, value]) =>
      subgraphError(
        `a national ID with ${name}`,
        'SQL injection through a lookup argument',
        'query($id: ID!) { person(nationalId: $id) { givenName } }',
        { id: value },
        'BAD_USER_INPUT',
      ),
    ),
    ...INJECTIONS.map(([name, value]) =>
      subgraphError(
        `a registration number with ${name}`,
        'SQL injection through a lookup argument',
        'query($id: ID!) { vehicle(registrationNumber: $id) { make } }',
        { id: value },
        'BAD_USER_INPUT',
      ),
    ),
    ...INJECTIONS.slice(0, 4).map(([name, value]) =>
      subgraphError(
        `a registry code with ${name}`,
        'SQL injection through a lookup argument',
        'query($code: ID!) { company(registryCode: $code) { name } }',
        { code: value },
        'BAD_USER_INPUT',
        {},
      ),
    ),
    ...INJECTIONS.slice(0, 3).map(([name, value]) =>
      subgraphError(
        `an access-log search with ${name}, by a caller without supervision`,
        'SQL injection through a filter',
        'query($s: ID) { accessLogSearch(filter: { subject: $s }) { results { nodes { agency } } } }',
        { s: value },
        'FORBIDDEN',
      ),
    ),
  ],
};
