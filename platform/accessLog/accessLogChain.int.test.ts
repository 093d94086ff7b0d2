import { randomBytes } from 'node:crypto';
import type { Db } from '../db/createDb';
import { serviceRole } from '../../migrations/shared/accessLog';
import { createAgencyAccessLog } from '../../test/support/agencyAccessLog';
import { connectTestDatabase, isEmbeddedTestDatabase } from '../../test/support/testDatabase';
import { createAccessLogWriter } from './accessLogWriter';
import { retainAccessLog, TamperedLogError } from './retainAccessLog';
import { verifyAccessLog } from './verifyAccessLog';
import { verifyWitnessedLog } from '../witness/verifyWitnessedLog';
import { memoryWitness, testAgencyKeys } from '../../test/support/testWitness';

// A schema of its own, so tampering here never touches the logs other test files read.
const schema = `audit_${randomBytes(4).toString('hex')}`;
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

const caseworker = {
  kind: 'organisation' as const,
  subject: '47902140990',
  organisation: 'social-insurance',
  roles: [],
};

async function append(requestId: string, subjects: string[]): Promise<void> {
  const write = createAccessLogWriter(db, schema);
  await write(
    { requestId, caller: caseworker, purpose: 'benefit-eligibility', caseId: `CASE-${requestId}` },
    subjects.map((subjectId) => ({ subjectId, fields: ['Person.givenName', 'Person.familyName'] })),
  );
}

/** Tampers the way someone with direct database access would: with the guard switched off. */
async function tamper(sql: string): Promise<void> {
  await db.raw(`alter table ${schema}.access_log disable trigger access_log_append_only`);
  try {
    await db.raw(sql);
  } finally {
    await db.raw(`alter table ${schema}.access_log enable trigger access_log_append_only`);
  }
}

/** Puts the log back as it was before the test tampered with it (timestamps to the microsecond). */
async function restore(): Promise<void> {
  await tamper(`delete from ${schema}.access_log`);
  await db.raw(`alter table ${schema}.access_log disable trigger access_log_chain`);
  try {
    await db.raw(`insert into ${schema}.access_log select * from ${schema}.pristine`);
  } finally {
    await db.raw(`alter table ${schema}.access_log enable trigger access_log_chain`);
  }
}

describe('the hash-chained access log', () => {
  let pristine: Record<string, unknown>[];

  beforeAll(async () => {
    await append('r1', ['38301010001', '48501010002']);
    await append('r2', ['38301010003']);
    await append('r3', ['48501010004', '38301010005']);
    pristine = await db(`${schema}.access_log`).orderBy('seq');
    await db.raw(`create table ${schema}.pristine as select * from ${schema}.access_log`);
  });
  afterEach(() => restore());

  it('numbers and chains the records of a request in one insert, and verifies', async () => {
    expect(pristine.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(pristine[0]!.prev_hash).toBe('genesis');
    expect(pristine[1]!.prev_hash).toBe(pristine[0]!.hash);
    expect(await verifyAccessLog(db, schema)).toEqual({ schema, records: 5, startsAfter: 0 });
  });

  it('names a record whose contents were altered', async () => {
    await tamper(`update ${schema}.access_log set purpose = 'curiosity' where seq = 3`);
    expect((await verifyAccessLog(db, schema)).problem).toEqual({
      seq: 3,
      message: 'record 3 was altered: its contents no longer match its hash',
    });
  });

  it('names a record altered along with its hash: the next one no longer follows', async () => {
    await tamper(
      `update ${schema}.access_log set case_id = null, hash = repeat('0', 64) where seq = 2`,
    );
    expect((await verifyAccessLog(db, schema)).problem?.seq).toBe(2);
  });

  it('names a removed record', async () => {
    await tamper(`delete from ${schema}.access_log where seq = 2`);
    expect((await verifyAccessLog(db, schema)).problem).toEqual({
      seq: 2,
      message: 'record 2 was removed: the log jumps from 1 to 3',
    });
  });

  it('names reordered records', async () => {
    await tamper(
      `update ${schema}.access_log set subject_id = case seq when 1 then '48501010002' else '38301010001' end where seq in (1, 2)`,
    );
    expect((await verifyAccessLog(db, schema)).problem?.seq).toBe(1);
  });

  it('notices records cut off the end', async () => {
    await tamper(`delete from ${schema}.access_log where seq = 5`);
    expect((await verifyAccessLog(db, schema)).problem).toEqual({
      seq: 5,
      message: "records after 4 were removed: the log's head says the last record is 5",
    });
  });

  it('refuses updates, deletes and truncation, even to the table owner', async () => {
    await expect(
      db.raw(`update ${schema}.access_log set purpose = 'x' where seq = 1`),
    ).rejects.toThrow(/append-only/);
    await expect(db.raw(`delete from ${schema}.access_log where seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.raw(`truncate ${schema}.access_log`)).rejects.toThrow(/append-only/);
    expect(await verifyAccessLog(db, schema)).toMatchObject({ records: 5 });
  });

  // The embedded database is one session shared by every client, so a role cannot be taken
  // there without taking it for every test at once; on a server the role is what the subgraph runs as.
  (isEmbeddedTestDatabase() ? it.skip : it)(
    "lets the service role append through the log's function alone, and not change, delete or re-chain",
    async () => {
      const role = serviceRole(schema);
      const asRole = async (sql: string) =>
        db.transaction(async (trx) => {
          await trx.raw(`set local role ${role}`);
          return trx.raw(sql);
        });
      await expect(asRole(`update ${schema}.access_log set purpose = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(asRole(`delete from ${schema}.access_log`)).rejects.toThrow(/permission denied/);
      await expect(asRole(`update ${schema}.access_log_head set last_seq = 0`)).rejects.toThrow(
        /permission denied/,
      );
      await expect(
        asRole(
          `insert into ${schema}.access_log_checkpoint (seq, hash, removed, reason) values (9, 'x', 9, 'x')`,
        ),
      ).rejects.toThrow(/permission denied/);
      // It appends through the log's function alone, which numbers and chains what it is given.
      await expect(
        asRole(
          `insert into ${schema}.access_log (request_id, subject_id, caller_kind, fields) values ('r4', '38301010007', 'citizen', '{Person.givenName}')`,
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(
        asRole(
          `set local govgraph.chained_append = 'on'; insert into ${schema}.access_log (seq, logged_at, request_id, subject_id, caller_kind, fields, prev_hash, hash) values (6, now(), 'r4', '38301010007', 'citizen', '{Person.givenName}', 'x', 'y')`,
        ),
      ).rejects.toThrow(/permission denied/);
      const appendAs = (as: string) =>
        db.transaction(async (trx) => {
          await trx.raw(`set local role ${as}`);
          return trx.raw<{ rows: { appended: number }[] }>(
            `select ${schema}.append_access_records(array[1], array['38301010007'], array['Person.givenName'], array['r4'], array['citizen'], array['38301010007'], array[null], array[null], array[null], array[null], '{}') as appended`,
          );
        });
      expect((await appendAs(role)).rows).toEqual([{ appended: 1 }]);
      expect(await verifyAccessLog(db, schema)).toMatchObject({ records: 6 });
      // No other role may call it: another agency's service role cannot write into this log.
      const other = `${role}_other`;
      await db.raw(`create role ${other} nologin`);
      try {
        await db.raw(`grant usage on schema ${schema} to ${other}`);
        await expect(appendAs(other)).rejects.toThrow(/permission denied/);
      } finally {
        await db.raw(`drop owned by ${other}`);
        await db.raw(`drop role ${other}`);
      }
      await tamper(`delete from ${schema}.access_log where seq > 5`);
      await db(`${schema}.access_log_head`).update({ last_seq: 5, last_hash: pristine[4]!.hash });
    },
  );
});

describe('retention', () => {
  it('removes the oldest records behind a checkpoint, archives them, and the rest still verifies', async () => {
    const retention = `${schema}_r`;
    await db.raw('create schema ??', [retention]);
    await createAgencyAccessLog(db, retention);
    const witness = { witnesses: [memoryWitness()], ...testAgencyKeys(retention) };
    try {
      const write = createAccessLogWriter(db, retention);
      const context = {
        requestId: 'old',
        caller: caseworker,
        purpose: 'benefit-eligibility',
        caseId: null,
      };
      await write(context, [
        { subjectId: '38301010001', fields: ['Person.givenName'] },
        { subjectId: '38301010002', fields: ['Person.givenName'] },
      ]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const cutoff = new Date();
      await new Promise((resolve) => setTimeout(resolve, 20));
      await write({ ...context, requestId: 'new' }, [
        { subjectId: '38301010003', fields: ['Person.givenName'] },
      ]);

      const archived: Record<string, unknown>[] = [];
      const result = await retainAccessLog(db, retention, {
        olderThan: cutoff,
        reason: 'test',
        archive: async (rows) => void archived.push(...rows),
        ...witness,
      });
      expect(result).toEqual({ schema: retention, removed: 2, checkpointSeq: 2 });
      expect(archived.map((r) => Number(r.seq))).toEqual([1, 2]);
      expect(await db(`${retention}.access_log`).pluck('request_id')).toEqual(['new']);
      expect(await verifyAccessLog(db, retention)).toEqual({
        schema: retention,
        records: 1,
        startsAfter: 2,
      });
      expect(witness.witnesses[0]!.held).toHaveLength(1);
      expect((await verifyWitnessedLog(db, retention, witness)).problem).toBeUndefined();

      await db.raw(`alter table ${retention}.access_log disable trigger access_log_append_only`);
      await db.raw(`update ${retention}.access_log set purpose = 'x'`);
      await db.raw(`alter table ${retention}.access_log enable trigger access_log_append_only`);
      await expect(
        retainAccessLog(db, retention, { olderThan: new Date(), reason: 'test', ...witness }),
      ).rejects.toThrow(TamperedLogError);
      expect(await db(`${retention}.access_log`).count({ n: '*' })).toEqual([{ n: 1 }]);
    } finally {
      await db.raw('drop schema if exists ?? cascade', [retention]);
      await db.raw(`drop role if exists ${serviceRole(retention)}`).catch(() => undefined);
    }
  });
});
