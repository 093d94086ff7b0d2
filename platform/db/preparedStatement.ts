import type { Knex } from 'knex';
import { createHash } from 'node:crypto';
import type { Db } from './createDb';

/**
 * A statement a service sends many times a second, with its text fixed once (identifiers
 * already quoted, values as `?` placeholders). On a server of its own, each connection parses
 * and plans it once and then only binds and runs it: planning the access log's insert, a
 * statement of three CTEs over `unnest`, cost PostgreSQL as much CPU as running it.
 */
export interface PreparedStatement {
  readonly text: string;
  /**
   * The name each connection keeps it under, made from its text, so that one name never
   * stands for two texts. None on the embedded database: all its clients share one session,
   * where a second client preparing the same name would be refused.
   */
  readonly name: string | undefined;
}

/** Whether connections may keep statements prepared: not where they all share one session. */
export type StatementPreparation = 'per-connection' | 'none';

export function preparedStatement(
  text: string,
  preparation: StatementPreparation,
): PreparedStatement {
  return {
    text,
    name:
      preparation === 'per-connection'
        ? `govgraph_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`
        : undefined,
  };
}

/** Runs a prepared statement with these values for its placeholders, through knex's pool. */
export function runPrepared<Result>(
  db: Db,
  statement: PreparedStatement,
  bindings: readonly Knex.RawBinding[],
): Knex.Raw<Result> {
  const raw = db.raw<Result>(statement.text, bindings as Knex.RawBinding[]);
  return statement.name === undefined ? raw : raw.options({ name: statement.name });
}

/** A table's name quoted for a statement's text, e.g. `"population"."access_log"`. */
export function quotedTable(db: Db, table: string): string {
  return db.raw('??', [table]).toQuery();
}
