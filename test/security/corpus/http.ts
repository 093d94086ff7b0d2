import type { CorpusCategory, HostileCase } from './HostileCase';

const QUERY = { query: '{ __typename }' };
const ACCEPT = 'application/graphql-response+json';

const badBody = (name: string, body: string, message = 'malformed JSON'): HostileCase => ({
  name,
  attacks: `the request parser: ${message}`,
  request: { body },
  expect: { status: 400, code: 'BAD_REQUEST' },
});

const mediaType = (contentType: string, body = JSON.stringify(QUERY)): HostileCase => ({
  name: `a body of type ${contentType}`,
  attacks: 'requests a page can send without a preflight (CSRF); media types not read',
  request: { body, headers: { 'content-type': contentType, accept: ACCEPT } },
  expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
});

/** Requests that are not GraphQL-over-HTTP requests the gateway serves. */
export const http: CorpusCategory = {
  category: 'http',
  cases: [
    ...['PUT', 'DELETE', 'PATCH'].map((method): HostileCase => ({
      name: `method ${method}`,
      attacks: 'methods other than GET and POST',
      request: { method, json: QUERY },
      expect: { status: 405, code: 'BAD_REQUEST' },
    })),
    {
      name: 'a mutation over GET',
      attacks: 'state changes through links and prefetching (CSRF)',
      request: {
        method: 'GET',
        search: { query: 'mutation { withdrawConsent(id: "1") { id } }' },
      },
      expect: { status: 405, code: 'BAD_REQUEST' },
    },
    {
      name: 'a mutation over GET, named among queries',
      attacks: 'state changes through links and prefetching (CSRF)',
      request: {
        method: 'GET',
        search: {
          query: 'query Q { __typename } mutation M { withdrawConsent(id: "1") { id } }',
          operationName: 'M',
        },
      },
      expect: { status: 405, code: 'BAD_REQUEST' },
    },
    {
      name: 'GET without a query',
      attacks: 'the request parser',
      request: { method: 'GET' },
      expect: { status: 400, code: 'BAD_REQUEST' },
    },
    badBody('an empty body', ''),
    badBody('truncated JSON', '{"query": "{ __typename'),
    badBody('JSON with a trailing comma', '{"query": "{ __typename }",}'),
    badBody('single-quoted JSON', "{'query': '{ __typename }'}"),
    badBody('JSON null', 'null', 'a body that is not an object'),
    badBody('a JSON number', '42', 'a body that is not an object'),
    badBody('a JSON string', '"{ __typename }"', 'a body that is not an object'),
    badBody('a JSON boolean', 'true', 'a body that is not an object'),
    badBody('a query that is a number', '{"query": 42}', 'parameters of the wrong type'),
    badBody(
      'a query that is an object',
      '{"query": {"kind": "Document"}}',
      'parameters of the wrong type',
    ),
    badBody('no query at all', '{"variables": {}}', 'a missing query'),
    badBody(
      'variables that are a string',
      '{"query": "{ __typename }", "variables": "{}"}',
      'parameters of the wrong type',
    ),
    badBody(
      'variables that are a list',
      '{"query": "{ __typename }", "variables": [1]}',
      'parameters of the wrong type',
    ),
    badBody(
      'extensions that are a string',
      '{"query": "{ __typename }", "extensions": "x"}',
      'parameters of the wrong type',
    ),
    badBody(
      'only a persisted-query hash',
      '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "00"}}}',
      'unknown persisted queries',
    ),
    badBody('NUL bytes in the JSON', '{"query": "{ __typename }"\u0000}'),
    {
      name: 'a query that does not parse',
      attacks: 'the GraphQL parser',
      request: { json: { query: '{ people(first: ' } },
      expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    },
    {
      name: 'an empty query',
      attacks: 'the GraphQL parser',
      request: { json: { query: '' } },
      expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    },
    {
      name: 'a query of control characters',
      attacks: 'the GraphQL lexer',
      request: { json: { query: '{ \u0007\u0001 }' } },
      expect: { status: 400, code: 'GRAPHQL_PARSE_FAILED' },
    },
    {
      name: 'two operations and no operation name',
      attacks: 'operation selection',
      request: { json: { query: 'query A { __typename } query B { __typename }' } },
      expect: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    },
    {
      name: 'an operation name that is a number',
      attacks: 'operation selection',
      request: { body: '{"query": "{ __typename }", "operationName": 1}' },
      expect: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    },
    {
      name: 'an operation name the document does not have',
      attacks: 'operation selection',
      request: { json: { query: 'query A { __typename }', operationName: 'B' } },
      expect: { status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
    },
    {
      name: 'a subscription, which the graph does not have',
      attacks: 'operation types without a root type',
      request: { json: { query: 'subscription { people(first: 1) { nodes { givenName } } }' } },
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    {
      name: 'a field the schema does not have',
      attacks: 'validation',
      request: { json: { query: '{ people(first: 1) { nodes { shoeSize } } }' } },
      expect: { status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
    },
    mediaType('text/plain'),
    mediaType('application/xml', '<query>{ __typename }</query>'),
    mediaType(
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n',
    ),
    mediaType('application/octet-stream'),
    mediaType('application/x-www-form-urlencoded', 'query=%7B__typename%7D'),
    mediaType('application/graphql', '{ __typename }'),
    mediaType('application/graphql+json'),
    {
      name: 'a body without a content type',
      attacks: 'requests a page can send without a preflight (CSRF); media types not read',
      request: { body: JSON.stringify(QUERY), headers: { 'content-type': '' } },
      expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
    },
    {
      name: 'a GET carrying a cookie',
      attacks: 'ambient credentials over GET (CSRF)',
      request: {
        method: 'GET',
        search: { query: '{ __typename }' },
        headers: { cookie: 'session=1' },
      },
      expect: { status: 405, code: 'CREDENTIALS_OVER_GET' },
    },
    {
      name: "a GET carrying a persona's token",
      attacks: 'credentials over GET, which links and logs leak',
      request: {
        method: 'GET',
        search: { query: '{ purposes { code } }' },
        as: { persona: 'caseworker' },
      },
      expect: { status: 405, code: 'CREDENTIALS_OVER_GET' },
    },
  ],
};
