import { nationalIdFor } from '../platform/identity/nationalId';
import { SHOWCASE } from '../demo/showcase';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

/** The first error's code and message of a query through the gateway. */
async function firstError(
  query: string,
  variables?: Record<string, unknown>,
  as: { persona?: string; purpose?: string } = {},
) {
  const { body } = await federation.query(query, { variables, ...as });
  expect(body.errors?.length).toBeGreaterThan(0);
  const [error] = body.errors!;
  return {
    code: error!.extensions?.code,
    message: error!.message,
    path: error!.path,
    data: body.data,
  };
}

describe('bad requests get clear errors and the gateway stays up', () => {
  it('rejects a body that is not JSON', async () => {
    // GraphQL over HTTP: 400 for clients that accept its media type, 200 with an error for plain JSON.
    const modern = await federation.post('{"query": "{ person(', {
      accept: 'application/graphql-response+json',
    });
    expect(modern.status).toBe(400);
    const legacy = await federation.post('{"query": "{ person(');
    const [error] = JSON.parse(legacy.text).errors;
    expect(error.message).toMatch(/JSON/i);
    expect(error.extensions.code).toBe('BAD_REQUEST');
  });

  it('rejects a query that does not parse', async () => {
    expect(await firstError('{ person(nationalId: ')).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
    });
  });

  it('rejects an unknown field, naming it', async () => {
    const error = await firstError(`{ person(nationalId: "${SHOWCASE.nationalId}") { shoeSize } }`);
    expect(error.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('shoeSize');
  });

  it('rejects an argument of the wrong type', async () => {
    const error = await firstError(
      'query($n: Int!) { people(first: $n) { nodes { nationalId } } }',
      { n: 'ten' },
    );
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/Int/);
  });

  it('answers an unknown national ID with a null person: FORBIDDEN to the public, as for a known one', async () => {
    const unknown = nationalIdFor('1899-12-31', 'M', 999);
    const error = await firstError(`{ person(nationalId: "${unknown}") { givenName } }`);
    expect(error).toMatchObject({ code: 'FORBIDDEN', path: ['person'], data: { person: null } });
    const asCaseworker = await firstError(
      `{ person(nationalId: "${unknown}") { givenName } }`,
      undefined,
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expect(asCaseworker).toMatchObject({ code: 'NOT_FOUND', path: ['person'] });
  });

  it('answers a malformed national ID with BAD_USER_INPUT naming the argument', async () => {
    const error = await firstError('{ person(nationalId: "12345") { givenName } }', undefined, {
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
    });
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('nationalId');
  });

  it('rejects a forged cursor and an out-of-range page size', async () => {
    expect(
      (await firstError('{ people(first: 5, after: "bm9wZQ") { nodes { nationalId } } }')).code,
    ).toBe('BAD_USER_INPUT');
    // One more than a page may hold (10,000) is within the gateway's cost limit: the
    // subgraph refuses it.
    expect((await firstError('{ people(first: 10001) { nodes { __typename } } }')).code).toBe(
      'BAD_USER_INPUT',
    );
    // Asking for personal data of that many people is refused by the access-log bound first.
    expect((await firstError('{ people(first: 10001) { nodes { nationalId } } }')).code).toBe(
      'TOO_MANY_SUBJECTS',
    );
    // Ten times as many is refused by the gateway's cost limit before any subgraph is asked.
    expect((await firstError('{ people(first: 100000) { nodes { nationalId } } }')).code).toBe(
      'QUERY_TOO_COSTLY',
    );
  });

  it('still serves a good query after all of that', async () => {
    const { body } = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") { familyName } }`,
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ person: { familyName: 'Tamm' } });
  });
});
