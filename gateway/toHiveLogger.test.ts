import { GraphQLError } from 'graphql';
import { createLogger } from '../platform/logging/logger';
import { safeAttributes, toHiveLogger } from './toHiveLogger';

const NATIONAL_ID = '48507120002';

describe("the runtime's log lines", () => {
  it('keep names, counts and timings, and drop results, variables and queries', () => {
    expect(
      safeAttributes({
        subgraph: 'population',
        duration: 12.5,
        data: { person: { nationalId: NATIONAL_ID } },
        variables: { id: NATIONAL_ID },
        query: `{ person(nationalId: "${NATIONAL_ID}") { givenName } }`,
        headers: { authorization: 'Bearer abc' },
      }),
    ).toEqual({ subgraph: 'population', duration: 12.5 });
  });

  it('keep only the plain values of an allowed attribute', () => {
    expect(safeAttributes({ subgraph: { name: NATIONAL_ID }, status: 200 })).toEqual({
      status: 200,
    });
    expect(safeAttributes([NATIONAL_ID])).toEqual({});
    expect(safeAttributes(null)).toEqual({});
  });

  it("keep an error's name and code, never its message", () => {
    const error = new GraphQLError(`No person with nationalId ${NATIONAL_ID} is registered`, {
      extensions: { code: 'NOT_FOUND' },
    });
    expect(safeAttributes({ error })).toEqual({
      error: { name: 'GraphQLError', code: 'NOT_FOUND' },
    });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(safeAttributes({ err: refused })).toEqual({
      err: { name: 'Error', code: 'ECONNREFUSED' },
    });
  });

  it('reach the service log at its level, result attributes dropped', () => {
    const lines: string[] = [];
    const logger = createLogger('gateway', 'debug', {
      destination: { write: (line) => lines.push(line) },
    });
    const runtime = toHiveLogger(logger);
    runtime.debug({ data: { givenName: 'Mari' }, subgraphName: 'population' }, 'Done');
    runtime.trace({ subgraphName: 'population' }, 'below the level');
    expect(lines.map((line) => JSON.parse(line) as object)).toEqual([
      expect.objectContaining({ component: 'runtime', subgraphName: 'population', msg: 'Done' }),
    ]);
    expect(lines.join('')).not.toContain('Mari');
  });
});
