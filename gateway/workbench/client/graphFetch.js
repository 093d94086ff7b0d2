// @ts-check

/** @typedef {import('./session.js').Session} Session */
/** @typedef {{ data?: unknown, errors?: { message: string, path?: (string | number)[], extensions?: Record<string, unknown> }[], extensions?: Record<string, unknown> }} GraphQLResult */

/**
 * The headers a request of the session carries: its token, purpose and case.
 * @param {Session} session
 * @returns {Record<string, string>}
 */
export function sessionHeaders(session) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (session.token) headers.authorization = `Bearer ${session.token}`;
  if (session.purpose) headers['x-purpose'] = session.purpose;
  if (session.caseId) headers['x-case-id'] = session.caseId;
  return headers;
}

/**
 * Posts one GraphQL request as the session, returning the whole response: data, errors and
 * extensions (where `dataUse` is).
 * @param {string} graphqlPath
 * @param {Session} session
 * @param {{ query: string, variables?: unknown, operationName?: string | null }} body
 * @param {Record<string, string>} [editorHeaders] headers typed in the editor, which win
 * @returns {Promise<GraphQLResult>}
 */
export async function postGraphQL(graphqlPath, session, body, editorHeaders = {}) {
  const response = await fetch(graphqlPath, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...sessionHeaders(session),
      ...editorHeaders,
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return {
      errors: [{ message: `The gateway answered HTTP ${response.status}: ${text.slice(0, 200)}` }],
    };
  }
}

/**
 * GraphiQL's fetcher: the same request as the session, with each result handed to
 * `onResult` as well, so the workbench can show its `extensions` beside it.
 * @param {string} graphqlPath
 * @param {() => Session} session
 * @param {(result: GraphQLResult) => void} onResult
 */
export function createFetcher(graphqlPath, session, onResult) {
  /**
   * @param {{ query: string, variables?: unknown, operationName?: string | null }} params
   * @param {{ headers?: Record<string, string> }} [options]
   */
  return async (params, options) => {
    const result = await postGraphQL(graphqlPath, session(), params, options?.headers ?? {});
    // Introspection is the editor's own business, not a response the analyst asked for.
    if (params.operationName !== 'IntrospectionQuery') onResult(result);
    return dataFirst(result);
  };
}

/**
 * The result with `data` shown first, then `errors`, then `extensions`: the editor prints
 * keys in order, and the answer matters more than the refusals beside it.
 * @param {GraphQLResult} result
 * @returns {GraphQLResult}
 */
function dataFirst(result) {
  const { data, errors, extensions, ...rest } = result;
  return {
    ...(data !== undefined ? { data } : {}),
    ...(errors !== undefined ? { errors } : {}),
    ...(extensions !== undefined ? { extensions } : {}),
    ...rest,
  };
}
