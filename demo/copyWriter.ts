import { type Client, escapeIdentifier } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from './copyText';
import type { TableWriter } from './tableWriter';

/**
 * Writes each call's rows with one COPY FROM STDIN on the connection, one COPY after another.
 * The rows are put in COPY's text form when asked for, so the next COPY starts the moment the
 * one before it ends.
 */
export function copyWriter(connection: Client): TableWriter {
  let previous: Promise<void> = Promise.resolve();
  return {
    write(table, rows) {
      if (rows.length === 0) return previous;
      const columns = Object.keys(rows[0]!);
      const target = table.split('.').map(escapeIdentifier).join('.');
      const sql = `copy ${target} (${columns.map(escapeIdentifier).join(', ')}) from stdin`;
      const text = copyText(rows, columns);
      previous = previous.then(() => copy(connection, sql, text));
      return previous;
    },
  };
}

function copy(connection: Client, sql: string, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = connection.query(copyFrom(sql));
    stream.on('finish', resolve);
    stream.on('error', reject);
    stream.end(text);
  });
}
