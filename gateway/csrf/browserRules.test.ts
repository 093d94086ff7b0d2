import { profileDefaults } from '../profiles/profileSettings';
import { startTestFederation, type TestFederation } from '../testing/startTestFederation';

const PORTAL = 'https://portal.gov.example';
const QUERY = '{ thing(id: "1") { name } }';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation({
    profile: { ...profileDefaults('demo', 0), corsOrigins: [PORTAL] },
  });
});
afterAll(() => federation.stop());

const subgraphCalls = () => federation.population.requests.length + federation.tax.requests.length;

/** A GET of the GraphQL endpoint with the query in the URL, as a link or an image would send it. */
function get(query: string, headers: Record<string, string> = {}) {
  return fetch(`${federation.graphqlUrl}?query=${encodeURIComponent(query)}`, {
    headers: { accept: 'application/graphql-response+json', ...headers },
  });
}

function post(body: string, contentType: string | undefined, headers: Record<string, string> = {}) {
  return fetch(federation.graphqlUrl, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json',
      ...(contentType === undefined ? {} : { 'content-type': contentType }),
      ...headers,
    },
    body,
  });
}

/** The response is refused with this status and code, and no subgraph was called. */
async function expectRefused(send: () => Promise<Response>, status: number, code: string) {
  const before = subgraphCalls();
  const response = await send();
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  expect({ status: response.status, codes: body.errors?.map((e) => e.extensions?.code) }).toEqual({
    status,
    codes: [code],
  });
  expect(subgraphCalls()).toBe(before);
  return response;
}

describe('GET serves the public caller only', () => {
  test('a query over GET without credentials is answered', async () => {
    const response = await get(QUERY);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { thing: { name: 'First thing' } } });
  });

  test('a GET carrying a bearer token is refused with 405, not served as the public', async () => {
    const token = await federation.auth.tokenFor({ sub: 'officer-1', org: 'tax-board' });
    const response = await expectRefused(
      () => get(QUERY, { authorization: `Bearer ${token}` }),
      405,
      'CREDENTIALS_OVER_GET',
    );
    expect(response.headers.get('allow')).toBe('POST');
  });

  test('a GET carrying any Authorization header or a cookie is refused alike', async () => {
    await expectRefused(
      () => get(QUERY, { authorization: 'Basic YTpi' }),
      405,
      'CREDENTIALS_OVER_GET',
    );
    await expectRefused(() => get(QUERY, { cookie: 'session=1' }), 405, 'CREDENTIALS_OVER_GET');
  });

  test('a mutation over GET is refused with 405 by the runtime, even once its document is cached', async () => {
    const mutation = 'mutation { grantConsent }';
    // Parsed (and cached) over POST first: the GET rule must not depend on parsing afresh.
    const posted = await post(JSON.stringify({ query: mutation }), 'application/json');
    expect(((await posted.json()) as { errors?: unknown[] }).errors).toHaveLength(1);
    const response = await expectRefused(() => get(mutation), 405, 'BAD_REQUEST');
    expect(response.headers.get('allow')).toBe('POST');
  });

  test("the explorer's page is still served on GET, whatever cookies a browser sends", async () => {
    const response = await fetch(federation.graphqlUrl, {
      headers: { accept: 'text/html', cookie: 'unrelated=1' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('POST takes application/json only', () => {
  const json = JSON.stringify({ query: QUERY });

  test.each([
    ['text/plain', json],
    ['text/plain;charset=UTF-8', json],
    ['application/x-www-form-urlencoded', `query=${encodeURIComponent(QUERY)}`],
    [
      'multipart/form-data; boundary=x',
      `--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${json}\r\n--x--`,
    ],
    ['application/graphql', QUERY],
    ['application/graphql+json', json],
    ['application/graphql-response+json', json],
    ['application/json, text/plain', json],
    [undefined, json],
  ])('a body of %s is refused with 415 and UNSUPPORTED_MEDIA_TYPE', async (contentType, body) => {
    const response = await expectRefused(
      () => post(body, contentType),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(response.headers.get('accept-post')).toBe('application/json');
  });

  test('application/json, with or without a charset, is answered', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8']) {
      const response = await post(json, contentType);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ data: { thing: { name: 'First thing' } } });
    }
  });
});

describe('CORS allows the configured origins only', () => {
  const preflight = (origin: string) =>
    fetch(federation.graphqlUrl, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-evil',
      },
    });
  const corsHeaders = (response: Response) =>
    Object.fromEntries(
      [...response.headers].filter(([name]) => name.startsWith('access-control-')),
    );

  test('a preflight from a configured origin names that origin and the fixed methods and headers', async () => {
    const response = await preflight(PORTAL);
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': PORTAL,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers':
        'accept, authorization, content-type, x-purpose, x-case-id, x-request-id',
      'access-control-expose-headers': 'x-request-id, x-correlation-id',
      'access-control-max-age': '600',
    });
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  test.each(['https://evil.example', `${PORTAL}.evil.example`, 'null', '*'])(
    'a preflight from %s gets no CORS headers at all',
    async (origin) => {
      const response = await preflight(origin);
      expect(corsHeaders(response)).toEqual({});
    },
  );

  test('a response to a configured origin allows it, without credentials; any other gets nothing', async () => {
    const json = JSON.stringify({ query: QUERY });
    const allowed = await post(json, 'application/json', { origin: PORTAL });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const other = await post(json, 'application/json', { origin: 'https://evil.example' });
    expect(corsHeaders(other)).toEqual({});
    const none = await post(json, 'application/json');
    expect(corsHeaders(none)).toEqual({});
  });
});
