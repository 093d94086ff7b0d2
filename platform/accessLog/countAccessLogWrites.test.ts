import { PUBLIC_CALLER } from '../context/Caller';
import type { AccessEntry } from './AccessRecorder';
import type { AccessContext } from './accessLogWriter';
import { countAccessLogWrites } from './countAccessLogWrites';

const CONTEXT: AccessContext = {
  requestId: 'r-1',
  caller: PUBLIC_CALLER,
  purpose: null,
  caseId: null,
};

function counting() {
  const counted = { written: 0, failed: 0 };
  return {
    counted,
    counts: {
      accessRecordsWritten: (count: number) => void (counted.written += count),
      accessLogFailed: () => void (counted.failed += 1),
    },
  };
}

const entries = (count: number): AccessEntry[] =>
  Array.from({ length: count }, (_, i) => ({ subjectId: `s${i}`, fields: ['Person.givenName'] }));

describe('counting access-log writes', () => {
  it('counts the records of each write that succeeded', async () => {
    const { counted, counts } = counting();
    const write = countAccessLogWrites(async () => undefined, counts);
    await write(CONTEXT, entries(3));
    await write(CONTEXT, entries(2));
    expect(counted).toEqual({ written: 5, failed: 0 });
  });

  it('counts a failed write as a failure, none of its records, and still fails', async () => {
    const { counted, counts } = counting();
    const write = countAccessLogWrites(async () => {
      throw new Error('the log is unreachable');
    }, counts);
    await expect(write(CONTEXT, entries(3))).rejects.toThrow('unreachable');
    expect(counted).toEqual({ written: 0, failed: 1 });
  });
});
