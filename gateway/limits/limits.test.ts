import { GRAPHQL_PATH } from '../createGateway';
import { postGraphQL } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { parse } from 'graphql';
import { DEFAULT_REQUEST_LIMITS } from './requestLimits';
import { operationCost } from './useCostLimit';

const LIMITS = DEFAULT_REQUEST_LIMITS;

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

type Request = Parameters<typeof postGraphQL>[1];

const subgraphCalls = () => federation.population.requests.length + federation.tax.requests.length;

async function expectAnswered(request: Request) {
  const response = await postGraphQL(federation.graphqlUrl, request);
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data;
}

/**
 * The request is refused with the code, a message naming the limit, and no subgraph call,
 * whether the client accepts `application/graphql-response+json` or plain `application/json`.
 */
async function expectRefused(request: Request, code: string, limit: number, status = 400) {
  const before = subgraphCalls();
  for (const accept of ['application/graphql-response+json', 'application/json']) {
    const response = await postGraphQL(federation.graphqlUrl, request, { accept });
    expect(response.status).toBe(status);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      { message: expect.stringContaining(String(limit)), extensions: { code } },
    ]);
  }
  expect(subgraphCalls()).toBe(before);
}

/** `{ thing(id: "1") { others { … { id } } } }`, the innermost field `depth` levels deep. */
const nested = (depth: number) =>
  `{ thing(id: "1") { ${'others { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

/** `n` aliases below one root field (the root-field limit is lower than the alias limit). */
const aliases = (n: number) =>
  `{ thing(id: "1") { ${Array.from({ length: n }, (_, i) => `a${i}: others { id }`).join(' ')} } }`;

describe('tokens', () => {
  // `{ things ( ids : [ … ] ) { id } }` is twelve tokens around the ids.
  const withTokens = (n: number) => `{ things(ids: [${'"1" '.repeat(n - 12)}]) { id } }`;

  test(`a document of ${LIMITS.maxTokens} tokens is answered`, async () => {
    await expectAnswered({ query: withTokens(LIMITS.maxTokens) });
  });
  test('one token more is refused with TOO_MANY_TOKENS', async () => {
    await expectRefused(
      { query: withTokens(LIMITS.maxTokens + 1) },
      'TOO_MANY_TOKENS',
      LIMITS.maxTokens,
    );
  });
});

describe('depth', () => {
  test(`an operation ${LIMITS.maxDepth} levels deep is answered`, async () => {
    await expectAnswered({ query: nested(LIMITS.maxDepth) });
  });
  test('one level deeper is refused with QUERY_TOO_DEEP', async () => {
    await expectRefused({ query: nested(LIMITS.maxDepth + 1) }, 'QUERY_TOO_DEEP', LIMITS.maxDepth);
  });
  test('depth counts through fragments', async () => {
    // Five levels in the operation, eight in the fragment: thirteen in all.
    const query = `{ thing(id: "1") { others { others { others { others { ...Deeper } } } } } }
      fragment Deeper on Thing { others { others { others { others { others { others { others { id } } } } } } } }`;
    await expectRefused({ query }, 'QUERY_TOO_DEEP', LIMITS.maxDepth);
  });
});

describe('aliases', () => {
  test(`${LIMITS.maxAliases} aliases are answered`, async () => {
    await expectAnswered({ query: aliases(LIMITS.maxAliases) });
  });
  test('one alias more is refused with TOO_MANY_ALIASES', async () => {
    await expectRefused(
      { query: aliases(LIMITS.maxAliases + 1) },
      'TOO_MANY_ALIASES',
      LIMITS.maxAliases,
    );
  });
});

describe('directives', () => {
  const withDirectives = (n: number) =>
    `{ thing(id: "1") { ${'name @include(if: true) '.repeat(n)}} }`;

  test(`${LIMITS.maxDirectives} directives are answered`, async () => {
    await expectAnswered({ query: withDirectives(LIMITS.maxDirectives) });
  });
  test('one directive more is refused with TOO_MANY_DIRECTIVES', async () => {
    await expectRefused(
      { query: withDirectives(LIMITS.maxDirectives + 1) },
      'TOO_MANY_DIRECTIVES',
      LIMITS.maxDirectives,
    );
  });
});

describe('root fields', () => {
  const rootFields = (n: number) => `{ ${'thing(id: "1") { id } '.repeat(n)}}`;

  test(`${LIMITS.maxRootFields} root fields are answered`, async () => {
    expect(await expectAnswered({ query: rootFields(LIMITS.maxRootFields) })).toEqual({
      thing: { id: '1' },
    });
  });
  test('one more is refused with TOO_MANY_ROOT_FIELDS', async () => {
    await expectRefused(
      { query: rootFields(LIMITS.maxRootFields + 1) },
      'TOO_MANY_ROOT_FIELDS',
      LIMITS.maxRootFields,
    );
  });
  test('root fields count through fragments and __typename', async () => {
    const query = `{ ...Q __typename } fragment Q on Query { ${'__typename '.repeat(LIMITS.maxRootFields)}}`;
    await expectRefused({ query }, 'TOO_MANY_ROOT_FIELDS', LIMITS.maxRootFields);
  });
});

describe('fields, fragments expanded', () => {
  /**
   * `{ thing(id: "1") { ...P3 ...P0 } }` and so on: fragment P<i> expands to 2^i fields, so
   * a few fragments of a few tokens each reach any number of fields, `thing` included.
   */
  const withFields = (n: number) => {
    const bits = [...(n - 1).toString(2)].reverse();
    const fragments = bits.map((_, i) =>
      i === 0
        ? 'fragment P0 on Thing { id }'
        : `fragment P${i} on Thing { ...P${i - 1} ...P${i - 1} }`,
    );
    const spreads = bits.flatMap((bit, i) => (bit === '1' ? [`...P${i}`] : []));
    return `{ thing(id: "1") { ${spreads.join(' ')} } } ${fragments.join(' ')}`;
  };

  test(`${LIMITS.maxFields} fields are answered`, async () => {
    expect(await expectAnswered({ query: withFields(LIMITS.maxFields) })).toEqual({
      thing: { id: '1' },
    });
  });
  test('one more is refused with TOO_MANY_FIELDS', async () => {
    await expectRefused(
      { query: withFields(LIMITS.maxFields + 1) },
      'TOO_MANY_FIELDS',
      LIMITS.maxFields,
    );
  });
});

describe('batching', () => {
  test('a batched array of operations is refused with BAD_REQUEST', async () => {
    const before = subgraphCalls();
    const operation = { query: '{ thing(id: "1") { name } }' };
    for (const accept of ['application/graphql-response+json', 'application/json']) {
      const response = await postGraphQL(
        federation.graphqlUrl,
        JSON.stringify([operation, operation]),
        { accept },
      );
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }],
      });
    }
    expect(subgraphCalls()).toBe(before);
  });
});

describe('cost', () => {
  // thing (1) + others (1 + id + name) × first: 1 + 3 × first.
  const PAGE_OF = (first: number | string) =>
    `${typeof first === 'string' ? 'query($n: Int) ' : ''}{ thing(id: "1") { others(first: ${first}) { id name } } }`;
  const withinPage = Math.floor((LIMITS.maxCost - 1) / 3);

  test(`a page whose cost is within ${LIMITS.maxCost} is answered`, async () => {
    const data = await expectAnswered({ query: PAGE_OF('$n'), variables: { n: withinPage } });
    expect(data).toEqual({
      thing: {
        others: [expect.objectContaining({ id: '1' }), expect.objectContaining({ id: '2' })],
      },
    });
  });
  test('one item more is refused with QUERY_TOO_COSTLY, the page size a variable', async () => {
    await expectRefused(
      { query: PAGE_OF('$n'), variables: { n: withinPage + 1 } },
      'QUERY_TOO_COSTLY',
      LIMITS.maxCost,
    );
  });
  test('or written in the document', async () => {
    await expectRefused(
      { query: PAGE_OF(withinPage + 1), variables: {} },
      'QUERY_TOO_COSTLY',
      LIMITS.maxCost,
    );
  });
  test('nested pages multiply', async () => {
    const query = '{ thing(id: "1") { others(first: 400) { others(first: 400) { id } } } }';
    await expectRefused({ query }, 'QUERY_TOO_COSTLY', LIMITS.maxCost);
  });
});

describe('request body', () => {
  // A comment pads the body without adding tokens.
  const bodyOf = (bytes: number) => {
    const empty = JSON.stringify({ query: '{ thing(id: "1") { name } } #' });
    return JSON.stringify({
      query: `{ thing(id: "1") { name } } #${'x'.repeat(bytes - empty.length)}`,
    });
  };

  test(`a body of ${LIMITS.maxBodyBytes} bytes is answered`, async () => {
    const body = bodyOf(LIMITS.maxBodyBytes);
    expect(Buffer.byteLength(body)).toBe(LIMITS.maxBodyBytes);
    await expectAnswered(body);
  });
  test('one byte more is refused with REQUEST_TOO_LARGE and 413', async () => {
    await expectRefused(
      bodyOf(LIMITS.maxBodyBytes + 1),
      'REQUEST_TOO_LARGE',
      LIMITS.maxBodyBytes,
      413,
    );
  });
  test('a streamed body without a length is cut at the limit', async () => {
    const before = subgraphCalls();
    const body = bodyOf(LIMITS.maxBodyBytes + 1);
    const response = await fetch(federation.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(body));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'REQUEST_TOO_LARGE' } }],
    });
    expect(subgraphCalls()).toBe(before);
  });
});

describe('variables', () => {
  // `{"s":""}` is 8 bytes.
  const variablesOf = (bytes: number) => ({ s: 'x'.repeat(bytes - 8) });
  const query = 'query($s: ID!) { thing(id: $s) { name } }';

  test(`variables of ${LIMITS.maxVariablesBytes} bytes are answered`, async () => {
    expect(
      await expectAnswered({ query, variables: variablesOf(LIMITS.maxVariablesBytes) }),
    ).toEqual({ thing: null });
  });
  test('one byte more is refused with VARIABLES_TOO_LARGE and 413', async () => {
    await expectRefused(
      { query, variables: variablesOf(LIMITS.maxVariablesBytes + 1) },
      'VARIABLES_TOO_LARGE',
      LIMITS.maxVariablesBytes,
      413,
    );
  });
  test('variables nested 50,000 deep are refused with VARIABLES_TOO_LARGE, not failed', async () => {
    const body = `{"query":"query($s: ID!) { thing(id: $s) { name } }","variables":{"s":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`;
    const before = subgraphCalls();
    const response = await postGraphQL(federation.graphqlUrl, body);
    expect(response.status).toBe(413);
    expect(response.body.errors).toEqual([
      {
        message: 'The variables are nested too deeply to be read.',
        extensions: { code: 'VARIABLES_TOO_LARGE' },
      },
    ]);
    expect(subgraphCalls()).toBe(before);
  });
});

describe('published denial-of-service patterns', () => {
  test('3,000 aliases of __typename', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expectRefused({ query }, 'TOO_MANY_TOKENS', LIMITS.maxTokens);
  });
  test('the same within the token limit is refused for its aliases', async () => {
    const query = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expectRefused({ query }, 'TOO_MANY_ALIASES', LIMITS.maxAliases);
  });
  test('forty fragments each spreading the one before twice: 2^40 fields', async () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i === 0
        ? 'fragment F0 on Thing { id name }'
        : `fragment F${i} on Thing { ...F${i - 1} ...F${i - 1} }`,
    );
    const query = `{ thing(id: "1") { ...F39 } } ${fragments.join(' ')}`;
    await expectRefused({ query }, 'TOO_MANY_FIELDS', LIMITS.maxFields);
  });
  test('the cost of such fragments is computed once per fragment', () => {
    const fragments = Array.from({ length: 60 }, (_, i) =>
      i === 0
        ? 'fragment F0 on Thing { id }'
        : `fragment F${i} on Thing { ...F${i - 1} ...F${i - 1} }`,
    );
    const document = parse(`{ thing(id: "1") { ...F59 } } ${fragments.join(' ')}`);
    // Walking the 2^59 expanded fields one by one would never finish.
    expect(operationCost(document, undefined, {})).toBe(1 + 2 ** 59);
  });
  test('deep nesting', async () => {
    await expectRefused({ query: nested(500) }, 'QUERY_TOO_DEEP', LIMITS.maxDepth);
  });
  test('a fragment cycle', async () => {
    const before = subgraphCalls();
    const response = await postGraphQL(federation.graphqlUrl, {
      query:
        'fragment A on Thing { others { ...B } } fragment B on Thing { others { ...A } } { thing(id: "1") { ...A } }',
    });
    expect(response.status).toBe(400);
    expect(response.body.errors).toContainEqual(
      expect.objectContaining({
        message: 'Cannot spread fragment "A" within itself via "B".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    );
    expect(subgraphCalls()).toBe(before);
  });
  test('a megabyte string variable', async () => {
    await expectRefused(
      { query: 'query($s: ID!) { thing(id: $s) { name } }', variables: { s: 'x'.repeat(1 << 20) } },
      'REQUEST_TOO_LARGE',
      LIMITS.maxBodyBytes,
      413,
    );
  });
  test('the gateway still answers a normal query afterwards', async () => {
    expect(await expectAnswered({ query: '{ thing(id: "1") { name taxNumber } }' })).toEqual({
      thing: { name: 'First thing', taxNumber: 'T-001' },
    });
  });
});

test('the endpoint path is the one the limits guard', () => {
  expect(federation.graphqlUrl.endsWith(GRAPHQL_PATH)).toBe(true);
});
