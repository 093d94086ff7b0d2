import { DEFAULT_REQUEST_LIMITS as LIMITS } from '../../../gateway/limits/requestLimits';
import { expandedFields, times, tokenCount } from './documents';
import type { CorpusCategory, HostileCase } from './HostileCase';

const ANSWERED = { status: 200, code: null };

/** A public mutation padded with list items to exactly `n` tokens (the schema's only list argument). */
function withTokens(n: number): string {
  const query = (items: number) =>
    `mutation { grantConsent(input: { organisation: "demo-bank", purpose: "credit-check", expiresAt: "2030-01-01T00:00:00Z", fields: [${times(items, () => '"x"')}] }) { id } }`;
  const items = n - tokenCount(query(0));
  return query(items);
}

/** `n` levels: `{ people(first: 1) { nodes { parents { … __typename } } } }`. */
const deep = (n: number) =>
  `{ people(first: 1) { nodes { ${'parents { '.repeat(n - 3)}__typename${' }'.repeat(n - 3)} } } }`;

const aliases = (n: number) => `{ __schema { ${times(n, (i) => `a${i}: queryType { name }`)} } }`;

const directives = (n: number) =>
  `{ __schema { queryType { ${times(n, () => 'name @include(if: true)')} } } }`;

const rootFields = (n: number) => `{ ${times(n, () => '__typename')} }`;

/** `{ __schema { queryType { …P<i> } } }`: `n` fields once its fragments are expanded. */
function fields(n: number): string {
  // __schema and queryType are two of them.
  const { selection, fragments } = expandedFields(n - 2, '__Type', 'name');
  return `{ __schema { queryType { ${selection} } } } ${fragments}`;
}

// people (1) + nodes (1) + __typename (1), times first; plus a root __typename: 3 × first + 1.
const COSTLY = 'query($n: Int!) { __typename people(first: $n) { nodes { __typename } } }';
const firstCosting = (cost: number) => Math.floor((cost - 1) / 3);

/** A body of exactly `bytes` bytes: a comment pads it without adding tokens. */
function bodyOf(bytes: number): string {
  const empty = JSON.stringify({ query: '{ __typename } #' });
  return JSON.stringify({ query: `{ __typename } #${'x'.repeat(bytes - empty.length)}` });
}

// `{"s":""}` is 8 bytes.
const variablesOf = (bytes: number) => ({ s: 'x'.repeat(bytes - 8) });
const WITH_VARIABLE = 'query($s: String) { agreements(consumer: $s) { id } }';

/** Each limit at its value (answered) and one over it (refused with its code). */
function atAndOver(
  limit: string,
  attacks: string,
  at: Omit<HostileCase, 'name' | 'attacks'>,
  over: Omit<HostileCase, 'name' | 'attacks'>,
): HostileCase[] {
  return [
    { name: `${limit} at the limit`, attacks, ...at },
    { name: `${limit} one over the limit`, attacks, ...over },
  ];
}

export const limits: CorpusCategory = {
  category: 'limits',
  cases: [
    ...atAndOver(
      'tokens',
      'the parser: documents of many tokens',
      {
        // Not refused for its size: refused by the policy (the public may not consent for anyone).
        request: { json: { query: withTokens(LIMITS.maxTokens) } },
        expect: { status: 200, code: 'FORBIDDEN' },
        reachesSubgraphs: true,
      },
      {
        request: { json: { query: withTokens(LIMITS.maxTokens + 1) } },
        expect: { status: 400, code: 'TOO_MANY_TOKENS' },
      },
    ),
    ...atAndOver(
      'depth',
      'the executor and planner: deeply nested selections',
      {
        // Not refused for its depth: refused by the policy (the public may not read parents).
        request: { json: { query: deep(LIMITS.maxDepth) } },
        expect: { status: 200, code: 'FORBIDDEN' },
        reachesSubgraphs: true,
      },
      {
        request: { json: { query: deep(LIMITS.maxDepth + 1) } },
        expect: { status: 400, code: 'QUERY_TOO_DEEP' },
      },
    ),
    ...atAndOver(
      'aliases',
      'the executor: one field asked for many times under aliases',
      { request: { json: { query: aliases(LIMITS.maxAliases) } }, expect: ANSWERED },
      {
        request: { json: { query: aliases(LIMITS.maxAliases + 1) } },
        expect: { status: 400, code: 'TOO_MANY_ALIASES' },
      },
    ),
    ...atAndOver(
      'directives',
      'validation and execution: many directives',
      { request: { json: { query: directives(LIMITS.maxDirectives) } }, expect: ANSWERED },
      {
        request: { json: { query: directives(LIMITS.maxDirectives + 1) } },
        expect: { status: 400, code: 'TOO_MANY_DIRECTIVES' },
      },
    ),
    ...atAndOver(
      'root fields',
      'the planner: many independent root fetches in one document',
      { request: { json: { query: rootFields(LIMITS.maxRootFields) } }, expect: ANSWERED },
      {
        request: { json: { query: rootFields(LIMITS.maxRootFields + 1) } },
        expect: { status: 400, code: 'TOO_MANY_ROOT_FIELDS' },
      },
    ),
    ...atAndOver(
      'fields, fragments expanded',
      'the planner: fragments expanding to many fields',
      { request: { json: { query: fields(LIMITS.maxFields) } }, expect: ANSWERED },
      {
        request: { json: { query: fields(LIMITS.maxFields + 1) } },
        expect: { status: 400, code: 'TOO_MANY_FIELDS' },
      },
    ),
    ...atAndOver(
      'cost',
      'the subgraphs: large pages',
      {
        // Within the gateway's cost limit; the register refuses a page over 10,000 itself.
        request: { json: { query: COSTLY, variables: { n: firstCosting(LIMITS.maxCost) } } },
        expect: { status: 200, code: 'BAD_USER_INPUT' },
        reachesSubgraphs: true,
      },
      {
        request: {
          json: { query: COSTLY, variables: { n: firstCosting(LIMITS.maxCost) + 1 } },
        },
        expect: { status: 400, code: 'QUERY_TOO_COSTLY' },
      },
    ),
    ...atAndOver(
      'request body',
      'memory: a large body',
      { request: { body: bodyOf(LIMITS.maxBodyBytes) }, expect: ANSWERED },
      {
        request: { body: bodyOf(LIMITS.maxBodyBytes + 1) },
        expect: { status: 413, code: 'REQUEST_TOO_LARGE' },
      },
    ),
    ...atAndOver(
      'variables',
      'memory and coercion: large variables',
      {
        request: {
          json: { query: WITH_VARIABLE, variables: variablesOf(LIMITS.maxVariablesBytes) },
        },
        expect: ANSWERED,
        reachesSubgraphs: true,
      },
      {
        request: {
          json: { query: WITH_VARIABLE, variables: variablesOf(LIMITS.maxVariablesBytes + 1) },
        },
        expect: { status: 413, code: 'VARIABLES_TOO_LARGE' },
      },
    ),
  ],
};
