import { GraphQLError } from 'graphql';
import { createErrorMasker } from './createErrorMasker';
import { createGateway, GRAPHQL_PATH } from './createGateway';
import { rateLimited } from './rateLimit/useRateLimit';
import { memoryLogger } from './testing/memoryLogger';
import { postGraphQL } from './testing/postGraphQL';
import { startTestFederation, type TestFederation } from './testing/startTestFederation';

describe('through the gateway', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation();
  });
  afterAll(() => federation.stop());

  const query = (text: string) => postGraphQL(federation.graphqlUrl, { query: text });

  test("a subgraph's FORBIDDEN reaches the client with message, path and code, without its stack", async () => {
    const body = JSON.stringify({ query: '{ thing(id: "1") { secret } }' });
    const direct = await postGraphQL(federation.population.url, body, {
      'x-gateway-token': await federation.auth.gatewayTokenFor('population', body),
    });
    expect(direct.body.errors?.[0]?.extensions).toHaveProperty('stacktrace');

    const response = await query('{ thing(id: "1") { name secret } }');

    expect(response.body.data).toEqual({ thing: { name: 'First thing', secret: null } });
    expect(response.body.errors).toEqual([
      {
        message: 'Access to Thing.secret is denied',
        path: ['thing', 'secret'],
        extensions: { code: 'FORBIDDEN', serviceName: 'population' },
      },
    ]);
  });

  test("a subgraph's unexpected error is masked for the client and logged in full", async () => {
    const response = await query('{ thing(id: "1") { fragile } }');

    expect(response.status).toBe(200);
    expect(response.body.errors).toEqual([
      {
        message: 'Internal server error',
        path: ['thing', 'fragile'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(JSON.stringify(response.body)).not.toMatch(/10\.1\.2\.3|password|stacktrace/);
    expect(federation.log.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'unexpected error; the client receives an internal error',
        requestId: response.headers.get('x-request-id'),
        path: ['thing', 'fragile'],
        subgraph: 'population',
        err: expect.objectContaining({ message: expect.stringContaining('10.1.2.3:5432 refused') }),
      }),
    );
  });
});

describe('a subgraph that is down or slow', () => {
  let federation: TestFederation;
  beforeAll(async () => {
    federation = await startTestFederation({
      subgraphTimeouts: { defaultMs: 5_000, bySubgraph: { population: 300 } },
    });
  });
  afterAll(() => federation.stop());

  test('an unreachable subgraph is SUBGRAPH_UNAVAILABLE at its fields, without its address', async () => {
    const gateway = await createGateway({
      supergraphPath: federation.supergraphPath,
      subgraphUrls: { population: federation.population.url, tax: 'http://127.0.0.1:9/graphql' },
      logger: federation.log.logger,
      watch: false,
      identity: federation.auth.identity,
      tokenSecret: federation.auth.tokenSecret,
    });
    try {
      const url = await gateway.listen(0, '127.0.0.1');
      const response = await postGraphQL(`${url}${GRAPHQL_PATH}`, {
        query: '{ thing(id: "1") { name taxNumber } }',
      });

      expect(response.status).toBe(200);
      // `taxNumber` is non-null in the test schema, so its parent is nulled.
      expect(response.body.data).toEqual({ thing: null });
      expect(response.body.errors).toEqual([
        {
          message:
            'The tax subgraph cannot be reached; its data is missing from this response: try again later',
          path: ['thing', 'taxNumber'],
          // A gateway made without a profile has production's: the error carries the request id.
          extensions: {
            code: 'SUBGRAPH_UNAVAILABLE',
            serviceName: 'tax',
            requestId: response.headers.get('x-request-id'),
          },
        },
      ]);
      expect(JSON.stringify(response.body)).not.toMatch(/127\.0\.0\.1|representations/);
    } finally {
      await gateway.stop();
    }
  });

  test("a subgraph slower than its timeout is SUBGRAPH_TIMEOUT, after that subgraph's own timeout", async () => {
    const response = await postGraphQL(federation.graphqlUrl, { query: '{ slow(ms: 900) }' });

    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { slow: null },
      errors: [
        expect.objectContaining({
          message:
            'The population subgraph did not answer within 300 ms; its data is missing from this response: try again later',
          path: ['slow'],
          extensions: { code: 'SUBGRAPH_TIMEOUT', serviceName: 'population' },
        }),
      ],
    });
    expect(federation.log.lines()).toContainEqual(
      expect.objectContaining({
        msg: 'subgraph call failed: SUBGRAPH_TIMEOUT',
        subgraph: 'population',
        requestId: response.headers.get('x-request-id'),
      }),
    );
  });

  test('a subgraph within its timeout answers in full', async () => {
    const response = await postGraphQL(federation.graphqlUrl, { query: '{ slow(ms: 50) }' });
    expect(response.body).toEqual({ data: { slow: 'after 50 ms' } });
  });
});

describe('createErrorMasker', () => {
  const mask = createErrorMasker(memoryLogger().logger);
  const exposed = (error: Error) => {
    const result = mask(error) as GraphQLError;
    return { message: result.message, extensions: result.extensions };
  };

  test.each([
    'FORBIDDEN',
    'NOT_FOUND',
    'BAD_USER_INPUT',
    'UNAUTHENTICATED',
    'GRAPHQL_VALIDATION_FAILED',
    'BAD_REQUEST',
    'TOO_MANY_TOKENS',
    'QUERY_TOO_DEEP',
    'TOO_MANY_ALIASES',
    'TOO_MANY_DIRECTIVES',
    'QUERY_TOO_COSTLY',
    'REQUEST_TOO_LARGE',
    'VARIABLES_TOO_LARGE',
    'SUBGRAPH_UNAVAILABLE',
    'SUBGRAPH_TIMEOUT',
    'DATA_SOURCE_UNAVAILABLE',
    'CREDENTIALS_OVER_GET',
    'GET_NOT_ALLOWED',
    'UNSUPPORTED_MEDIA_TYPE',
    'INTROSPECTION_NOT_ALLOWED',
    'PERSISTED_DOCUMENT_NOT_FOUND',
    'PERSISTED_DOCUMENT_REQUIRED',
    'RATE_LIMITED',
  ])('an error with code %s is shown as raised', (code) => {
    expect(
      exposed(new GraphQLError('told on purpose', { extensions: { code, argumentName: 'id' } })),
    ).toEqual({
      message: 'told on purpose',
      extensions: { code, argumentName: 'id' },
    });
  });

  test('a rate limit refusal keeps its retry time and its 429 with Retry-After', () => {
    const refusal = rateLimited({
      bucket: 'client',
      rate: { requests: 600, windowSeconds: 60 },
      retryAfterSeconds: 17,
    });
    expect(mask(refusal)).toBe(refusal);
    expect(refusal.extensions).toEqual({
      code: 'RATE_LIMITED',
      retryAfterSeconds: 17,
      http: { status: 429, headers: { 'retry-after': '17' } },
    });
  });

  test('stack traces are removed from errors that are shown', () => {
    const error = new GraphQLError('no', {
      extensions: { code: 'FORBIDDEN', stacktrace: ['at x'], exception: {} },
    });
    expect(exposed(error)).toEqual({ message: 'no', extensions: { code: 'FORBIDDEN' } });
  });

  test.each([
    ['a thrown Error', new Error('db down')],
    ['an error without code', new GraphQLError('db down')],
    [
      'an INTERNAL_SERVER_ERROR',
      new GraphQLError('db down', { extensions: { code: 'INTERNAL_SERVER_ERROR' } }),
    ],
    [
      'an unknown code',
      new GraphQLError('db down', { extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }),
    ],
    [
      'a subgraph error that claims an HTTP status',
      new GraphQLError('db down', { extensions: { serviceName: 'tax', http: { status: 400 } } }),
    ],
  ])('%s is masked', (_case, error) => {
    expect(exposed(error)).toEqual({
      message: 'Internal server error',
      extensions: expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR' }),
    });
  });

  test.each([
    ['SUBREQUEST_HTTP_ERROR', 'SUBGRAPH_UNAVAILABLE'],
    ['GATEWAY_TIMEOUT', 'SUBGRAPH_TIMEOUT'],
  ])("the runtime's %s on a subgraph call is %s, naming the subgraph alone", (runtime, code) => {
    const error = new GraphQLError('connect ECONNREFUSED 10.1.2.3:4002', {
      extensions: {
        code: runtime,
        serviceName: 'tax',
        request: { url: 'http://10.1.2.3:4002/graphql', body: '{"query":"{ secret }"}' },
        http: { status: 504 },
      },
    });
    const shown = exposed(error);
    expect(shown.extensions).toEqual({ code, serviceName: 'tax' });
    expect(shown.message).toMatch(/^The tax subgraph /);
    expect(JSON.stringify(shown)).not.toMatch(/10\.1\.2\.3|secret|ECONNREFUSED/);
  });

  test.each([502, 503, 504])(
    'a balancer answering %s for a subgraph is SUBGRAPH_UNAVAILABLE, naming the subgraph alone',
    (status) => {
      const error = new GraphQLError('Unexpected response: "Bad Gateway\\n"', {
        extensions: {
          code: 'RESPONSE_VALIDATION_FAILED',
          serviceName: 'social',
          request: { method: 'POST' },
          response: { status, statusText: 'Bad Gateway', body: 'Bad Gateway\n' },
        },
      });
      const shown = exposed(error);
      expect(shown.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'social' });
      expect(shown.message).toBe(
        'The social subgraph cannot be reached; its data is missing from this response: try again later',
      );
    },
  );

  test.each([200, 500])(
    'a malformed answer with status %s from a subgraph stays an internal error',
    (status) => {
      const error = new GraphQLError('Unexpected response: "<html>"', {
        extensions: {
          code: 'RESPONSE_VALIDATION_FAILED',
          serviceName: 'social',
          response: { status, body: '<html>' },
        },
      });
      expect(exposed(error).extensions.code).toBe('INTERNAL_SERVER_ERROR');
    },
  );

  test("the runtime's transport codes without a subgraph are masked", () => {
    expect(
      exposed(new GraphQLError('x', { extensions: { code: 'SUBREQUEST_HTTP_ERROR' } })).extensions
        .code,
    ).toBe('INTERNAL_SERVER_ERROR');
  });

  test("a plugin's refusal with only an HTTP status is shown", () => {
    const error = new GraphQLError('Unauthenticated', { extensions: { http: { status: 401 } } });
    expect(mask(error)).toBe(error);
  });

  test('masking a masked error changes nothing', () => {
    const masked = mask(new Error('db down'));
    expect(mask(masked)).toBe(masked);
  });
});
