import { postGraphQL, type GraphQLResponse } from '../testing/postGraphQL';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';
import { profileDefaults } from './profileSettings';

const CITIZEN = { sub: '48507120002' };
const ORGANISATION = { sub: 'analyst-1', org: 'tax-board' };

const SCHEMA_QUERY = '{ __schema { queryType { name } } }';
const TYPE_QUERY = '{ __type(name: "Thing") { name } }';
const IN_A_FRAGMENT = '{ ...Schema } fragment Schema on Query { __schema { types { name } } }';

let demo: TestFederation;
let production: TestFederation;
beforeAll(async () => {
  [demo, production] = await Promise.all([
    startTestFederation({ profile: profileDefaults('demo', 0) }),
    startTestFederation({ profile: profileDefaults('production', 0) }),
  ]);
});
afterAll(() => Promise.all([demo.stop(), production.stop()]));

async function ask(
  federation: TestFederation,
  query: string,
  as?: Record<string, unknown>,
): Promise<GraphQLResponse> {
  const headers: Record<string, string> = as
    ? { authorization: `Bearer ${await federation.auth.tokenFor(as)}` }
    : {};
  return postGraphQL(federation.graphqlUrl, { query }, headers);
}

const codes = (response: GraphQLResponse) => response.body.errors?.map((e) => e.extensions?.code);

describe('the explorer', () => {
  const page = (federation: TestFederation) =>
    fetch(federation.graphqlUrl, { headers: { accept: 'text/html' } });

  test('is served in the demo', async () => {
    const response = await page(demo);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('govgraph explorer');
  });

  test('is off in production: no page, no assets', async () => {
    const response = await page(production);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await response.text()).not.toContain('explorer');
    const asset = await fetch(`${production.baseUrl}/explorer-assets/graphiql.js`);
    expect(asset.status).toBe(404);
  });
});

describe('introspection', () => {
  test.each([SCHEMA_QUERY, TYPE_QUERY, IN_A_FRAGMENT])(
    'is open to everyone in the demo: %s',
    async (query) => {
      const response = await ask(demo, query);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data).toBeDefined();
    },
  );

  test.each([
    ['the public', undefined],
    ['a citizen', CITIZEN],
  ])('is refused to %s in production, with 403 and a code', async (_who, caller) => {
    for (const query of [SCHEMA_QUERY, TYPE_QUERY, IN_A_FRAGMENT]) {
      const response = await ask(production, query, caller);
      expect(response.status).toBe(403);
      expect(response.body.data).toBeUndefined();
      expect(codes(response)).toEqual(['INTROSPECTION_NOT_ALLOWED']);
    }
  });

  test('is open to a signed-in organisation in production', async () => {
    const response = await ask(production, SCHEMA_QUERY, ORGANISATION);
    expect(response.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  test("an organisation's answer is not reused for the next caller of the same document", async () => {
    const query = '{ __type(name: "Query") { fields { name } } }';
    expect((await ask(production, query, ORGANISATION)).body.errors).toBeUndefined();
    expect(codes(await ask(production, query))).toEqual(['INTROSPECTION_NOT_ALLOWED']);
  });

  test('__typename stays open to everyone in production', async () => {
    const response = await ask(production, '{ __typename thing(id: "1") { __typename name } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({
      __typename: 'Query',
      thing: { __typename: 'Thing', name: 'First thing' },
    });
  });
});

describe('field suggestions', () => {
  const MISTYPED = '{ thing(idd: "1") { nme } }';

  test('are given in the demo', async () => {
    const messages = (await ask(demo, MISTYPED)).body.errors?.map((e) => e.message);
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringContaining('Did you mean "name"?')]),
    );
  });

  test('are removed in production, the rest of the message kept', async () => {
    const response = await ask(production, MISTYPED);
    expect(response.body.errors?.map((e) => e.message)).toEqual([
      'Unknown argument "idd" on field "Query.thing".',
      'Cannot query field "nme" on type "Thing".',
      'Field "thing" argument "id" of type "ID!" is required, but it was not provided.',
    ]);
    expect(new Set(codes(response))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  test('enum values are not suggested in production, in the document or in a variable', async () => {
    const inDocument = '{ things(ids: ["1"], kind: SMAL) { id } }';
    const inVariable = {
      query: 'query ($kind: Kind) { things(ids: ["1"], kind: $kind) { id } }',
      variables: { kind: 'SMAL' },
    };
    const messages = async (federation: TestFederation) =>
      [
        ...((await postGraphQL(federation.graphqlUrl, { query: inDocument })).body.errors ?? []),
        ...((await postGraphQL(federation.graphqlUrl, inVariable)).body.errors ?? []),
      ].map((e) => e.message);

    expect(await messages(demo)).toEqual([
      expect.stringContaining('Did you mean the enum value "SMALL"?'),
      expect.stringContaining('Did you mean the enum value "SMALL"?'),
    ]);
    expect(await messages(production)).toEqual([
      'Value "SMAL" does not exist in "Kind" enum.',
      'Variable "$kind" got invalid value "SMAL"; Value "SMAL" does not exist in "Kind" enum.',
    ]);
  });

  test('a cached validation error is answered without suggestions again', async () => {
    for (let i = 0; i < 2; i += 1) {
      const messages = (await ask(production, '{ thing(id: "1") { nam } }')).body.errors;
      expect(messages?.map((e) => e.message)).toEqual([
        'Cannot query field "nam" on type "Thing".',
      ]);
    }
  });
});

describe('in production every error carries the request id', () => {
  /** Each error's `extensions.requestId` is the id the gateway answered in `x-request-id`. */
  function expectRequestIds(response: GraphQLResponse) {
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.errors?.length).toBeGreaterThan(0);
    for (const error of response.body.errors ?? [])
      expect(error.extensions).toMatchObject({ requestId });
    return requestId;
  }

  test.each([
    ['a validation error', '{ nothing }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a parse error', '{ thing(', 'GRAPHQL_PARSE_FAILED'],
    ['a refused introspection', SCHEMA_QUERY, 'INTROSPECTION_NOT_ALLOWED'],
    [
      'a limit',
      `{ ${Array.from({ length: 31 }, (_, i) => `t${i}: __typename`).join(' ')} }`,
      'TOO_MANY_ALIASES',
    ],
    ["a subgraph's FORBIDDEN", '{ thing(id: "1") { name secret } }', 'FORBIDDEN'],
  ])('%s', async (_case, query, code) => {
    const response = await ask(production, query);
    expectRequestIds(response);
    expect(codes(response)).toContain(code);
  });

  test('a refused token', async () => {
    const response = await postGraphQL(
      production.graphqlUrl,
      { query: '{ __typename }' },
      { authorization: 'Bearer not-a-token' },
    );
    expect(response.status).toBe(401);
    expectRequestIds(response);
  });

  test('a body that is not JSON, refused before parsing', async () => {
    const response = await fetch(production.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const body = (await response.json()) as GraphQLResponse['body'];
    expectRequestIds({ status: response.status, headers: response.headers, body });
    expect(body.errors?.[0]?.extensions?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  test('a masked fault, and the log line that tells what it was carries the same id', async () => {
    const response = await ask(production, '{ thing(id: "1") { fragile } }');
    const requestId = expectRequestIds(response);
    expect(response.body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['thing', 'fragile'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(production.log.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'unexpected error; the client receives an internal error',
        requestId,
        path: ['thing', 'fragile'],
      }),
    );
  });

  test('two requests with the same cached error get their own ids', async () => {
    const first = await ask(production, '{ nothing }');
    const second = await ask(production, '{ nothing }');
    expect(first.body.errors?.[0]?.extensions?.requestId).not.toBe(
      second.body.errors?.[0]?.extensions?.requestId,
    );
    expectRequestIds(second);
  });

  test('the demo leaves error extensions as they are', async () => {
    const response = await ask(demo, '{ nothing }');
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('queries over GET', () => {
  const overGet = (federation: TestFederation) =>
    fetch(`${federation.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json' },
    });

  test('are answered in the demo, as the public caller', async () => {
    const response = await overGet(demo);
    expect(response.status).toBe(200);
    expect(((await response.json()) as GraphQLResponse['body']).data).toEqual({
      __typename: 'Query',
    });
  });

  test('are refused in production, before parsing: every request is a POST', async () => {
    const response = await overGet(production);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const body = (await response.json()) as GraphQLResponse['body'];
    expect(body.data).toBeUndefined();
    expect(codes({ status: 405, headers: response.headers, body })).toEqual(['GET_NOT_ALLOWED']);
  });
});

test('production allows no browser origin by default', async () => {
  const response = await fetch(production.graphqlUrl, {
    method: 'OPTIONS',
    headers: {
      origin: new URL(production.baseUrl).origin,
      'access-control-request-method': 'POST',
    },
  });
  expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual(
    [],
  );
});
