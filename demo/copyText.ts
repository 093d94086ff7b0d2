/** A value of a row the demo country writes: text, a number, or missing. */
export type CopyValue = string | number | null | undefined;

// Characters COPY's text format gives a meaning to: they are written as escapes.
const SPECIAL = /[\\\n\r\t]/;
const SPECIAL_ALL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/**
 * Rows in PostgreSQL's COPY text format: one line per row, the columns in the given order,
 * separated by tabs, NULL as `\N`. Values are data, never SQL, so nothing needs quoting.
 */
export function copyText(rows: readonly object[], columns: readonly string[]): string {
  let text = '';
  for (const row of rows) {
    const values = row as Record<string, CopyValue>;
    let line = field(values[columns[0]!]);
    for (let i = 1; i < columns.length; i++) line += `\t${field(values[columns[i]!])}`;
    text += `${line}\n`;
  }
  return text;
}
