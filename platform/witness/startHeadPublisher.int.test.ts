import { randomBytes } from 'node:crypto';
import type { Db } from '../db/createDb';
import { serviceRole } from '../../migrations/shared/accessLog';
import { createAgencyAccessLog } from '../../test/support/agencyAccessLog';
import { connectTestDatabase } from '../../test/support/testDatabase';
import { memoryWitness, testAgencyKeys } from '../../test/support/testWitness';
import { createAccessLogWriter } from '../accessLog/accessLogWriter';
import { createLogger } from '../logging/logger';
import { type PublishOutcome, startHeadPublisher } from './startHeadPublisher';
import { verifyStatement } from './verifyStatement';
import type { Witness } from './Witness';

const schema = `publish_${randomBytes(4).toString('hex')}`;
const keys = testAgencyKeys(schema);
const logger = createLogger('publisher-test', 'silent');
let db: Db;

beforeAll(async () => {
  db = connectTestDatabase(2);
  await db.raw('create schema ??', [schema]);
  await createAgencyAccessLog(db, schema);
});
afterAll(async () => {
  await db.raw('drop schema if exists ?? cascade', [schema]);
  await db.raw(`drop role if exists ${serviceRole(schema)}`).catch(() => undefined);
  await db.destroy();
});

let request = 0;
async function append(count: number): Promise<number> {
  request += 1;
  await createAccessLogWriter(db, schema)(
    {
      requestId: `p${request}`,
      caller: { kind: 'citizen', subject: '38301010001', roles: [] } as never,
      purpose: null,
      caseId: null,
    },
    Array.from({ length: count }, () => ({
      subjectId: '38301010001',
      fields: ['Person.givenName'],
    })),
  );
  const [{ seq }] = await db(`${schema}.access_log`).max({ seq: 'seq' });
  return Number(seq);
}

/** The heads a witness holds, as (seq) verified against the agency's key. */
async function witnessedSeqs(witness: Witness): Promise<number[]> {
  return (await witness.heads(schema)).map((held) => {
    const checked = verifyStatement(held.jws, schema, keys.publicKeys);
    if (!checked.valid) throw new Error(checked.reason);
    return checked.statement.seq;
  });
}

/** Rounds as they happen; `next(outcome)` resolves on the next round with that outcome. */
function roundWatcher() {
  const waiting: { outcome: PublishOutcome; resolve: () => void }[] = [];
  return {
    onRound(outcome: PublishOutcome) {
      for (const waiter of waiting.splice(0))
        if (waiter.outcome === outcome) waiter.resolve();
        else waiting.push(waiter);
    },
    next(outcome: PublishOutcome) {
      return new Promise<void>((resolve) => waiting.push({ outcome, resolve }));
    },
  };
}

describe('publishing the signed head', () => {
  it('publishes on the interval, only when the head moved', async () => {
    const witness = memoryWitness();
    const rounds = roundWatcher();
    const publisher = startHeadPublisher({
      db,
      schema,
      signer: keys.signer,
      witnesses: [witness],
      intervalMs: 5,
      logger,
      onRound: rounds.onRound,
    });
    try {
      const published = rounds.next('published');
      const first = await append(2);
      await published;
      expect(await witnessedSeqs(witness)).toEqual([first]);

      // Rounds go by with the head where it was: nothing new is signed.
      await rounds.next('unchanged');
      await rounds.next('unchanged');
      expect(await witnessedSeqs(witness)).toEqual([first]);

      const again = rounds.next('published');
      const second = await append(1);
      await again;
      expect(await witnessedSeqs(witness)).toEqual([first, second]);
    } finally {
      await publisher.stop();
    }
  });

  it('publishes at shutdown what the timer has not yet', async () => {
    const witness = memoryWitness();
    const publisher = startHeadPublisher({
      db,
      schema,
      signer: keys.signer,
      witnesses: [witness],
      intervalMs: 3_600_000,
      logger,
    });
    const last = await append(3);
    expect(await witnessedSeqs(witness)).toEqual([]);
    await publisher.stop();
    expect(await witnessedSeqs(witness)).toEqual([last]);
  });

  it('retries a round a witness failed, and still serves the witnesses that took it', async () => {
    const steady = memoryWitness('steady');
    let failures = 1;
    const flaky: Witness = {
      ...memoryWitness('flaky'),
      async publish() {
        if (failures-- > 0) throw new Error('unreachable');
      },
    };
    const publisher = startHeadPublisher({
      db,
      schema,
      signer: keys.signer,
      witnesses: [steady, flaky],
      intervalMs: 3_600_000,
      logger,
    });
    const last = await append(1);
    expect(await publisher.publishNow()).toBe('failed');
    expect(await publisher.publishNow()).toBe('published');
    expect(await publisher.publishNow()).toBe('unchanged');
    await publisher.stop();
    expect(await witnessedSeqs(steady)).toEqual([last, last]);
  });
});
