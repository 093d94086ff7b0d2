import { decodeCursor, encodeCursor } from './cursor';

describe('page cursors', () => {
  it('round-trip a keyset position', () => {
    expect(decodeCursor(encodeCursor('48507120002'))).toBe('48507120002');
  });

  it('reveal nothing of the position they carry', () => {
    const cursor = encodeCursor('48507120002');
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('4850712');
    expect(encodeCursor('48507120002')).not.toBe(cursor);
  });

  it('refuse forged or altered cursors as bad input', () => {
    const cursor = Buffer.from(encodeCursor('48507120002'), 'base64url');
    cursor[cursor.length - 1]! ^= 1;
    for (const forged of [
      cursor.toString('base64url'),
      Buffer.from('cursor:48507120002').toString('base64url'),
      'x',
    ]) {
      expect(() => decodeCursor(forged)).toThrow(
        expect.objectContaining({
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      );
    }
  });
});
