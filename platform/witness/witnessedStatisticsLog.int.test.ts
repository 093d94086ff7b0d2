import type { Knex } from 'knex';
import type { Db } from '../db/createDb';
import { createLogger } from '../logging/logger';
import { verifyStatisticsLog } from '../statistics/verifyStatisticsLog';
import { statisticsLogRow } from '../../test/support/statisticsLogRow';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { memoryWitness, testAgencyKeys } from '../../test/support/testWitness';
import { startHeadPublisher } from './startHeadPublisher';
import { verifyWitnessedLog } from './verifyWitnessedLog';

let db: Db;
beforeAll(() => {
  db = connectTestDatabase(2);
});
afterAll(() => db.destroy());

/**
 * Runs `body` in a transaction that is rolled back: the statistics log is the governance
 * store's own, shared with every other test, so nothing of this stays in it.
 */
async function inRolledBackTransaction(body: (trx: Knex.Transaction) => Promise<void>) {
  const trx = await db.transaction();
  try {
    await body(trx);
  } finally {
    await trx.rollback();
  }
}

describe("governance's statistics log, witnessed", () => {
  it('shows a tail cut off by its owner, which its chain alone cannot', () =>
    inRolledBackTransaction(async (trx) => {
      const keys = testAgencyKeys('governance');
      const witness = memoryWitness();
      const publisher = startHeadPublisher({
        db: trx,
        schema: 'governance',
        log: 'statistics',
        signer: keys.signer,
        witnesses: [witness],
        intervalMs: 3_600_000,
        logger: createLogger('witness-test', 'silent'),
      });
      await trx('governance.statistics_log').insert(statisticsLogRow('witness-1'));
      await trx('governance.statistics_log').insert(statisticsLogRow('witness-2'));
      expect(await publisher.publishNow()).toBe('published');
      await publisher.stop();
      const [last, before] = await trx('governance.statistics_log').orderBy('seq', 'desc').limit(2);
      const verify = (log?: 'statistics') =>
        verifyWitnessedLog(trx, 'governance', {
          witnesses: [witness],
          publicKeys: keys.publicKeys,
          ...(log && { log }),
        });

      const intact = await verify('statistics');
      expect(intact.problem).toBeUndefined();
      expect(intact.witnessed.upToSeq).toBe(Number(last.seq));
      expect(witness.held).toHaveLength(1);
      // A statement about the statistics log is never held against governance's access log.
      const access = await verify();
      expect(access.witnessed.statements).toBe(0);
      expect(access.problems.filter((p) => /signed/.test(p.message))).toEqual([]);

      // The owner deletes the newest record and moves the head back: the chain still verifies.
      await trx.raw(
        'alter table governance.statistics_log disable trigger statistics_log_append_only',
      );
      await trx('governance.statistics_log').where({ seq: last.seq }).delete();
      await trx('governance.statistics_log_head')
        .where({ id: 1 })
        .update({ last_seq: before.seq, last_hash: before.hash });
      expect((await verifyStatisticsLog(trx)).problem).toBeUndefined();
      expect((await verify('statistics')).problem).toEqual({
        seq: Number(last.seq),
        message: expect.stringMatching(
          new RegExp(
            `the log was cut off: it ends at record ${before.seq}, but governance signed a head at record ${last.seq}`,
          ),
        ),
      });
    }));
});
