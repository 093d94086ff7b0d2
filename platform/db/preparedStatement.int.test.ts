import { connectTestDatabase, isEmbeddedTestDatabase } from '../../test/support/testDatabase';
import type { Db } from './createDb';
import { preparedStatement, quotedTable, runPrepared } from './preparedStatement';

const onServer = isEmbeddedTestDatabase() ? describe.skip : describe;

/** The statements this connection has prepared, with how often each was planned and run. */
const preparedOn = (db: Db) =>
  db
    .raw<{
      rows: { name: string; statement: string; runs: number }[];
    }>(
      `select name, statement, (generic_plans + custom_plans)::int as runs
       from pg_prepared_statements where name like 'govgraph\\_%'`,
    )
    .then((result) => result.rows);

describe('a prepared statement', () => {
  it('is named by its text: one text one name, another text another name', () => {
    const first = preparedStatement('select ?::int as n', 'per-connection');
    expect(first.name).toMatch(/^govgraph_[0-9a-f]{32}$/);
    expect(preparedStatement('select ?::int as n', 'per-connection').name).toBe(first.name);
    expect(preparedStatement('select ?::int as m', 'per-connection').name).not.toBe(first.name);
    expect(preparedStatement('select ?::int as n', 'none').name).toBeUndefined();
  });

  it('quotes a schema-qualified table for its text', () => {
    const db = connectTestDatabase(1);
    try {
      expect(quotedTable(db, 'population.access_log')).toBe('"population"."access_log"');
      expect(quotedTable(db, 'a"b.c')).toBe('"a""b"."c"');
    } finally {
      void db.destroy();
    }
  });

  it('is not kept by the session without per-connection preparation, and runs all the same', async () => {
    const db = connectTestDatabase(1);
    try {
      const statement = preparedStatement('select ?::int + 1 as n', 'none');
      for (const n of [1, 2]) {
        const result = await runPrepared<{ rows: { n: number }[] }>(db, statement, [n]);
        expect(result.rows).toEqual([{ n: n + 1 }]);
      }
      expect(await preparedOn(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  onServer('on a server of its own', () => {
    it('is parsed once per connection and then run by name, with new values each time', async () => {
      const db = connectTestDatabase(1);
      try {
        const statement = preparedStatement('select ?::int * 2 as doubled', 'per-connection');
        const results = [];
        for (const n of [1, 2, 3])
          results.push(
            (await runPrepared<{ rows: { doubled: number }[] }>(db, statement, [n])).rows,
          );
        expect(results).toEqual([[{ doubled: 2 }], [{ doubled: 4 }], [{ doubled: 6 }]]);
        expect(await preparedOn(db)).toEqual([
          { name: statement.name, statement: expect.stringContaining('$1::int * 2'), runs: 3 },
        ]);
      } finally {
        await db.destroy();
      }
    });
  });
});
