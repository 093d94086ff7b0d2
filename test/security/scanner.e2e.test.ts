import { profileDefaults } from '../../gateway/profiles/profileSettings';
import { startTestFederation, type TestFederation } from '../support/testFederation';

/**
 * The checks a standard GraphQL security scanner runs against an endpoint (alias, directive
 * and batch overloading, CSRF over GET and forms, field suggestions, introspection, the
 * explorer, debug and trace output), made here against a production-profile gateway, as an
 * anonymous scanner on the internet would make them. Each must find nothing.
 */
let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({ profile: profileDefaults('production', 0) });
});
afterAll(() => federation.stop());

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  } | null;
}

async function send(init: {
  method?: string;
  search?: string;
  body?: string;
  headers?: Record<string, string>;
}): Promise<Answer> {
  const response = await fetch(`${federation.gatewayUrl}${init.search ?? ''}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? { 'content-type': 'application/json' },
    body: init.body,
  });
  const text = await response.text();
  let json: Answer['json'] = null;
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // An answer that is not JSON: the explorer's page, or an HTTP-level refusal.
  }
  return { status: response.status, headers: response.headers, text, json };
}

const post = (body: unknown) => send({ body: JSON.stringify(body) });
const codeOf = (answer: Answer) => answer.json?.errors?.[0]?.extensions?.code;
/** What a scanner counts as an answered query: data, and no error. */
const answered = (answer: Answer) =>
  answer.status === 200 && !!answer.json?.data && !answer.json.errors?.length;

test('alias overloading: 101 aliases of one field are refused', async () => {
  const aliases = Array.from({ length: 101 }, (_, i) => `a${i}: __typename`).join(' ');
  const answer = await post({ query: `query { ${aliases} }` });
  expect(answered(answer)).toBe(false);
  expect(codeOf(answer)).toBe('TOO_MANY_ALIASES');
});

test('batch queries: an array of ten queries is refused', async () => {
  const answer = await post(Array.from({ length: 10 }, () => ({ query: 'query { __typename }' })));
  expect(answer.status).toBe(400);
  expect(Array.isArray(answer.json)).toBe(false);
});

test('directive overloading: a field under hundreds of directives is refused', async () => {
  const answer = await post({ query: `query { __typename ${'@include(if: true) '.repeat(300)}}` });
  expect(answered(answer)).toBe(false);
  expect(codeOf(answer)).toBe('TOO_MANY_DIRECTIVES');
});

test('field suggestions: a misspelt field gets no "Did you mean"', async () => {
  const answer = await post({ query: '{ peple(first: 1) { nodes { givenNam } } }' });
  expect(codeOf(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(answer.text).not.toMatch(/did you mean/i);
});

test('introspection: the schema is not shown to the public', async () => {
  const answer = await post({ query: '{ __schema { types { name } } }' });
  expect(answered(answer)).toBe(false);
  expect(codeOf(answer)).toBe('INTROSPECTION_NOT_ALLOWED');
  expect(answer.text).not.toContain('Person');
});

test('circular introspection: nested types of types are not answered', async () => {
  const answer = await post({
    query:
      '{ __schema { types { fields { type { fields { type { fields { type { name } } } } } } } } }',
  });
  expect(answered(answer)).toBe(false);
});

test('the explorer: no IDE page is served', async () => {
  for (const path of ['', '?query={__typename}']) {
    const answer = await send({ method: 'GET', search: path, headers: { accept: 'text/html' } });
    expect(answer.text).not.toMatch(/graphiql|explorer/i);
  }
});

test('CSRF over GET: a query sent by a link is not run', async () => {
  const answer = await send({
    method: 'GET',
    search: `?query=${encodeURIComponent('query { __typename }')}`,
    headers: { accept: 'application/json' },
  });
  expect(answered(answer)).toBe(false);
  expect(answer.status).toBe(405);
});

test('CSRF over GET: a mutation sent by a link is not run', async () => {
  const mutation = 'mutation { withdrawConsent(id: "1") { id } }';
  const answer = await send({
    method: 'GET',
    search: `?query=${encodeURIComponent(mutation)}`,
    headers: { accept: 'application/json' },
  });
  expect(answered(answer)).toBe(false);
  expect(answer.status).toBe(405);
});

test('CSRF over a form: a url-encoded POST is not run', async () => {
  const answer = await send({
    body: `query=${encodeURIComponent('query { __typename }')}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(answered(answer)).toBe(false);
  expect(answer.status).toBe(415);
});

test('CSRF over a form: a text/plain POST of JSON is not run', async () => {
  const answer = await send({
    body: JSON.stringify({ query: 'query { __typename }' }),
    headers: { 'content-type': 'text/plain' },
  });
  expect(answered(answer)).toBe(false);
  expect(answer.status).toBe(415);
});

test('trace mode: no tracing in the answer', async () => {
  const answer = await post({ query: 'query { __typename }' });
  expect(answered(answer)).toBe(true);
  expect(answer.json?.extensions?.tracing).toBeUndefined();
  expect(answer.text).not.toMatch(/"tracing"|"ftv1"/);
});

test('unhandled errors: a malformed document shows no stack or internals', async () => {
  for (const body of ['{"query": "query { __typename @aa"}', '{"query": {"not": "a string"}}']) {
    const answer = await send({ body, headers: { 'content-type': 'application/json' } });
    expect(answered(answer)).toBe(false);
    expect(answer.json?.errors?.length).toBeGreaterThan(0);
    expect(answer.text).not.toMatch(/stacktrace|exception|\bat .+\.js:\d+/i);
  }
});

test('every refusal carries the request id, as the production profile promises', async () => {
  const answer = await post({ query: '{ nothing }' });
  expect(answer.json?.errors?.[0]?.extensions?.requestId).toBe(answer.headers.get('x-request-id'));
});
