import type { GraphQLResponse } from '../../support/testFederation';

type Path = readonly (string | number)[];
type ResponseError = NonNullable<GraphQLResponse['body']['errors']>[number];

/** The value at a response path (`['person', 'incomeAssessments', 0, 'year']`) in `data`. */
export function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) =>
      node === null || node === undefined ? undefined : (node as Record<string, unknown>)[key],
    data,
  );
}

// The gateway drops list indices from the paths of errors raised in batched entity calls
// (`company.boardMembers.givenName` for `company.boardMembers.0.givenName`), so an error path
// matches when it is the path with some of its indices left out, and nothing else.
function isPathOf(errorPath: Path | undefined, path: Path): boolean {
  if (!errorPath) return false;
  let next = 0;
  for (const segment of path) {
    if (errorPath[next] === segment) next += 1;
    else if (typeof segment !== 'number') return false;
  }
  return next === errorPath.length;
}

/** The FORBIDDEN errors of a response. */
export function forbiddenErrors(response: GraphQLResponse): ResponseError[] {
  return (response.body.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
}

/**
 * Expects the field at `path` to be denied: its value null, and a FORBIDDEN error at its path,
 * whose message contains `reason` when given. Returns the error.
 */
export function expectForbidden(
  response: GraphQLResponse,
  path: Path,
  reason?: string,
): ResponseError {
  expect(valueAt(response.body.data, path.slice(0, -1))).toEqual(expect.any(Object));
  expect(valueAt(response.body.data, path)).toBeNull();
  const error = forbiddenErrors(response).find((e) => isPathOf(e.path, path));
  if (!error) {
    throw new Error(
      `no FORBIDDEN error at ${path.join('.')}; errors: ${JSON.stringify(response.body.errors)}`,
    );
  }
  if (reason !== undefined) expect(error.message).toContain(reason);
  return error;
}

/** Expects a response without errors and returns its data. */
export function expectData<T = Record<string, unknown>>(response: GraphQLResponse<unknown>): T {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.body.data as T;
}
