import type { TableName } from './rows';

/** Writes rows into a table; writes run one after another, in the order they were asked for. */
export interface TableWriter {
  write(table: TableName, rows: readonly object[]): Promise<void>;
}

/** How rows reach the database: COPY FROM STDIN, or multi-row INSERT statements. */
export type WriteRoute = 'copy' | 'insert';
