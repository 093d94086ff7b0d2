import { GraphQLError } from 'graphql';
import {
  isSingleAgency,
  mintJob,
  readJob,
  resolveSpec,
  type StatisticsSpec,
} from './StatisticsSpec';

const spec = (overrides: Partial<StatisticsSpec>): StatisticsSpec => ({
  population: 'PEOPLE',
  measure: 'COUNT',
  of: null,
  by: ['MUNICIPALITY'],
  epsilon: null,
  ...overrides,
});

const refusal = (overrides: Partial<StatisticsSpec>) => {
  try {
    resolveSpec(spec(overrides));
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return [(error as GraphQLError).extensions.code, (error as GraphQLError).message];
  }
  throw new Error('the spec was accepted');
};

describe('a statistics request', () => {
  it('is refused, as BAD_USER_INPUT naming what is wrong, unless the registry defines it', () => {
    expect(refusal({ population: 'EVERYONE_IN_OTEPAA' })).toEqual([
      'BAD_USER_INPUT',
      'EVERYONE_IN_OTEPAA is not a statistical population',
    ]);
    expect(refusal({ by: ['PEOPLE'] })[1]).toBe('PEOPLE is not a dimension');
    expect(refusal({ by: ['SEX', 'SEX'] })[1]).toBe('a dimension may be named only once');
    expect(refusal({ by: ['SEX', 'AGE_BAND', 'MUNICIPALITY', 'BIRTH_YEAR'] })[1]).toBe(
      'a table has at most 3 dimensions',
    );
    expect(refusal({ of: 'INCOME' })[1]).toBe('a count takes no numeric variable (of)');
    expect(refusal({ measure: 'MEAN' })[1]).toBe('MEAN needs a numeric variable (of)');
    expect(refusal({ epsilon: 0 })[1]).toBe('epsilon must be more than 0 and at most 10');
  });

  it('knows the populations a table lies within and the agencies it needs', () => {
    const resolved = resolveSpec(
      spec({ population: 'CHILD_ALLOWANCE_RECIPIENTS', by: ['INCOME_BAND'] }),
    );
    expect(resolved.populations.map((p) => p.name)).toEqual([
      'CHILD_ALLOWANCE_RECIPIENTS',
      'BENEFIT_RECIPIENTS',
      'PEOPLE',
    ]);
    expect([...resolved.agencies].sort()).toEqual(['population', 'social', 'tax']);
    expect(isSingleAgency(resolved)).toBe(false);
    expect(isSingleAgency(resolveSpec(spec({ by: ['MUNICIPALITY', 'AGE_BAND'] })))).toBe(true);
  });

  it('travels as a job with a fresh nonce each time, and is checked again when read back', () => {
    const first = mintJob(spec({}));
    const second = mintJob(spec({}));
    expect(first).not.toBe(second);
    expect(readJob(first).spec).toEqual(spec({}));
    expect(readJob(first).nonce).not.toBe(readJob(second).nonce);
    expect(() => readJob('not a job')).toThrow('malformed statistics job');
    const forged = Buffer.from(
      JSON.stringify({ spec: spec({ population: 'EVERYONE' }), nonce: 'x'.repeat(22) }),
    ).toString('base64url');
    expect(() => readJob(forged)).toThrow('EVERYONE is not a statistical population');
  });
});
