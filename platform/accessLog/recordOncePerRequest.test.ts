import { PUBLIC_CALLER } from '../context/Caller';
import type { AccessEntry } from './AccessRecorder';
import type { AccessContext } from './accessLogWriter';
import { recordOncePerRequest } from './recordOncePerRequest';

const request = (requestId: string): AccessContext => ({
  requestId,
  caller: { kind: 'citizen', subject: '48507120002' },
  purpose: null,
  caseId: null,
});

function recording(options: Parameters<typeof recordOncePerRequest>[1] = {}) {
  const written: [string, AccessEntry[]][] = [];
  let failing = false;
  const write = recordOncePerRequest(async (context, entries) => {
    if (failing) throw new Error('the log is down');
    if (entries.length > 0) written.push([context.requestId, entries]);
  }, options);
  return { write, written, fail: (value: boolean) => (failing = value) };
}

describe('records once per request', () => {
  it('records a person reached again by the same request only for fields not recorded yet', async () => {
    const { write, written } = recording();
    const a = request('a');
    await write(a, [{ subjectId: 'p1', fields: ['Person.incomeAssessments'] }]);
    for (let level = 0; level < 100; level += 1)
      await write(a, [{ subjectId: 'p1', fields: ['Person.incomeAssessments'] }]);
    await write(a, [
      { subjectId: 'p1', fields: ['IncomeAssessment.year', 'Person.incomeAssessments'] },
      { subjectId: 'p2', fields: ['Person.incomeAssessments'] },
    ]);
    expect(written).toEqual([
      ['a', [{ subjectId: 'p1', fields: ['Person.incomeAssessments'] }]],
      [
        'a',
        [
          { subjectId: 'p1', fields: ['IncomeAssessment.year'] },
          { subjectId: 'p2', fields: ['Person.incomeAssessments'] },
        ],
      ],
    ]);
  });

  it('records the same person again for another request', async () => {
    const { write, written } = recording();
    await write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]);
    await write({ ...request('b'), caller: PUBLIC_CALLER }, [
      { subjectId: 'p1', fields: ['Person.taxDebt'] },
    ]);
    expect(written.map(([id]) => id)).toEqual(['a', 'b']);
  });

  it('counts nothing as recorded when the write failed', async () => {
    const { write, written, fail } = recording();
    fail(true);
    await expect(
      write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]),
    ).rejects.toThrow();
    fail(false);
    await write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]);
    expect(written).toHaveLength(1);
  });

  it('forgets old requests, and the oldest first when it remembers too many people', async () => {
    let clock = 0;
    const { write, written } = recording({ rememberMs: 1_000, maxSubjects: 2, now: () => clock });
    await write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]);
    clock = 2_000;
    await write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]);
    expect(written).toHaveLength(2);
    await write(request('b'), [
      { subjectId: 'p1', fields: ['Person.taxDebt'] },
      { subjectId: 'p2', fields: ['Person.taxDebt'] },
    ]);
    await write(request('a'), [{ subjectId: 'p1', fields: ['Person.taxDebt'] }]);
    expect(written).toHaveLength(4);
  });
});
