import { type AccessLogCriteria, decodeCriteria, encodeCriteria } from './accessLogCriteria';

const criteria = (overrides: Partial<AccessLogCriteria> = {}): AccessLogCriteria => ({
  filter: { organisation: 'social-insurance', withoutCaseId: true },
  after: null,
  limit: 51,
  ...overrides,
});

function problemsOf(key: string): unknown {
  try {
    decodeCriteria(key);
  } catch (error) {
    expect(error).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    return (error as { extensions: { problems: unknown } }).extensions.problems;
  }
  throw new Error(`${key} was accepted`);
}

describe('the criteria of an access log search', () => {
  it('are written the same way whatever order they were given in, without unset criteria', () => {
    const one = encodeCriteria(
      criteria({ filter: { withoutCaseId: true, purpose: undefined, organisation: 'police' } }),
    );
    const other = encodeCriteria(
      criteria({ filter: { organisation: 'police', withoutCaseId: true } }),
    );
    expect(one).toBe(other);
    expect(one).toBe(
      '{"filter":{"organisation":"police","withoutCaseId":true},"after":null,"limit":51}',
    );
  });

  it('read back as written, with the position of the previous page', () => {
    const written = criteria({
      filter: { subject: '48507120002', from: '2026-01-01T00:00:00.000Z' },
      after: { accessedAt: '2026-11-26T10:00:00.123Z', agency: 'tax', sequence: 41 },
    });
    expect(decodeCriteria(encodeCriteria(written))).toEqual(written);
  });

  it('refuse anything else as bad input, naming every problem', () => {
    expect(problemsOf('not json')).toEqual(['not JSON']);
    expect(
      problemsOf(
        JSON.stringify({
          filter: { organisation: '', when: 'now', from: 'yesterday' },
          after: null,
          limit: 5000,
        }),
      ),
    ).toEqual([
      'filter.organisation: Too small: expected string to have >=1 characters',
      'filter.from: Invalid ISO datetime',
      'filter: Unrecognized key: "when"',
      expect.stringMatching(/^limit: Too big/),
    ]);
  });
});
