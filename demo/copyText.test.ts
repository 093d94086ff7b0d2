import { copyText } from './copyText';

describe('rows in COPY text form', () => {
  it('writes one line per row, the columns in the order asked for, tab-separated', () => {
    const rows = [
      { id: 1, name: 'Mari', until: null },
      { id: 2, name: 'Jaan', until: '2026-01-01' },
    ];
    expect(copyText(rows, ['name', 'id', 'until'])).toBe('Mari\t1\t\\N\nJaan\t2\t2026-01-01\n');
  });

  it('escapes what COPY would read as a separator, a line end or an escape', () => {
    const rows = [{ text: 'a\tb\nc\rd\\e' }];
    expect(copyText(rows, ['text'])).toBe('a\\tb\\nc\\rd\\\\e\n');
  });

  it('writes a missing value as NULL and nothing at all for no rows', () => {
    expect(copyText([{}], ['absent'])).toBe('\\N\n');
    expect(copyText([], ['id'])).toBe('');
  });
});
