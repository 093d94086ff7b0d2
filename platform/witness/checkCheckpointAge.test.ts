import { checkCheckpointAge } from './checkCheckpointAge';
import type { CheckpointStatement, HeadStatement } from './LogStatement';

const hash = 'cd'.repeat(32);
const head = (seq: number, signedAt: string): HeadStatement => ({
  kind: 'head',
  agency: 'tax',
  seq,
  hash,
  signedAt,
});
const checkpoint: CheckpointStatement = {
  kind: 'checkpoint',
  agency: 'tax',
  seq: 10,
  hash,
  signedAt: '2026-12-01T00:00:00.000Z',
  olderThan: '2021-12-01T00:00:00.000Z',
  removed: 10,
  reason: 'retention: 5 years',
};

describe('the age of a retention checkpoint', () => {
  it('holds when every signed head before its last record is older than it claims', () => {
    const heads = [head(4, '2020-01-01T00:00:00.000Z'), head(12, '2026-11-30T00:00:00.000Z')];
    expect(checkCheckpointAge(checkpoint, heads)).toBeNull();
  });

  it('fails from the first record a signed head shows came later', () => {
    const heads = [
      head(4, '2020-01-01T00:00:00.000Z'),
      head(6, '2022-01-01T00:00:00.000Z'),
      head(8, '2023-01-01T00:00:00.000Z'),
    ];
    expect(checkCheckpointAge(checkpoint, heads)).toEqual({
      seq: 7,
      message: expect.stringContaining(
        'records 7–10 came after the head at record 6 signed at 2022-01-01T00:00:00.000Z',
      ),
    });
  });

  it('fails when it claims a moment after its own signature', () => {
    expect(
      checkCheckpointAge({ ...checkpoint, olderThan: '2026-12-02T00:00:00.000Z' }, []),
    ).toMatchObject({ seq: 10, message: expect.stringContaining('a moment after it was signed') });
  });
});
