import { SHOWCASE } from '../demo/showcase';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
beforeAll(async () => {
  federation = await startTestFederation();
});
afterAll(() => federation.stop());

/** The first error's code and message of a query through the gateway. */
async function firstError(query: string, variables?: Record<string, unknown>) {
  const { body } = await federation.query(query, { variables });
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
  it('rejects a body that is not JSON with a 4xx error', async () => {
    const { status, text } = await federation.post('{"query": "{ person(');
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
    expect(JSON.parse(text).errors[0].message).toMatch(/JSON/i);
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
    expect(error.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    expect(error.message).toMatch(/Int/);
  });

  it('answers an unknown national ID with NOT_FOUND and a null person', async () => {
    const error = await firstError('{ person(nationalId: "39901019995") { givenName } }');
    expect(error).toMatchObject({ code: 'NOT_FOUND', path: ['person'], data: { person: null } });
  });

  it('answers a malformed national ID with BAD_USER_INPUT naming the argument', async () => {
    const error = await firstError('{ person(nationalId: "12345") { givenName } }');
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('nationalId');
  });

  it('rejects a forged cursor and an out-of-range page size', async () => {
    expect(
      (await firstError('{ people(first: 5, after: "bm9wZQ") { nodes { nationalId } } }')).code,
    ).toBe('BAD_USER_INPUT');
    expect((await firstError('{ people(first: 100000) { nodes { nationalId } } }')).code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('still serves a good query after all of that', async () => {
    const { body } = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") { familyName } }`,
    );
    expect(body).toEqual({ data: { person: { familyName: 'Tamm' } } });
  });
});
