import type { Db } from '../platform/db/createDb';
import { tableWriterFor } from './tableWriterFor';
import { deferIndexes } from './deferIndexes';
import type { CountryRows, TableName } from './rows';
import type { WriteRoute } from './tableWriter';

// Sorting a million keys in memory rather than on disk; for this transaction only.
const INDEX_BUILD_MEMORY = '128MB';

/** One connection loading some tables in a transaction of its own. */
export interface LoadLane {
  /** Queues this lane's share of a batch; resolves once it is written. */
  write(rows: CountryRows): Promise<void>;
  /** Once every batch is queued: builds the lane's keys, indexes and foreign keys, and analyzes. */
  complete(): Promise<void>;
  /** Makes the lane's rows visible; after every lane has completed. */
  commit(): Promise<void>;
  /**
   * Once committed: marks the lane's pages all-visible, as autovacuum would some time later.
   * Until then an index read of a whole register (a statistical table's units) visits every
   * heap page as well: the Tax Board's part of a table at a million people took 0.77 s before
   * and 0.25 s after, as an index-only scan.
   */
  vacuum(): Promise<void>;
  /** Rolls the lane back: its tables are left as they were. */
  abort(): Promise<void>;
}

/**
 * Opens a transaction for `tables`, takes their indexes away until `finish`, and writes by
 * `route`. Foreign keys between tables of different lanes would make lanes wait on each other's
 * locks: a lane holds whole schemas, inside which the foreign keys stay.
 */
export async function openLoadLane(
  db: Db,
  tables: readonly TableName[],
  route: WriteRoute,
): Promise<LoadLane> {
  const trx = await db.transaction();
  try {
    const restoreIndexes = await deferIndexes(trx, tables);
    const writer = await tableWriterFor(trx, route);
    let written: Promise<void> = Promise.resolve();
    return {
      write(rows) {
        for (const table of tables) written = writer.write(table, rows[table]);
        return written;
      },
      async complete() {
        await written;
        await trx.raw("select set_config('maintenance_work_mem', ?, true)", [INDEX_BUILD_MEMORY]);
        await restoreIndexes();
        // Fresh statistics for the planner, gathered lane by lane at the same time.
        await trx.raw(`analyze ${tables.map(() => '??').join(', ')}`, [...tables]);
      },
      async commit() {
        await trx.commit();
      },
      async vacuum() {
        await db.raw(`vacuum ${tables.map(() => '??').join(', ')}`, [...tables]);
      },
      async abort() {
        if (!trx.isCompleted()) await trx.rollback();
      },
    };
  } catch (error) {
    await trx.rollback();
    throw error;
  }
}
