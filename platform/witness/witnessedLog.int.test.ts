import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Db } from '../db/createDb';
import { serviceRole } from '../../migrations/shared/accessLog';
import { createAgencyAccessLog } from '../../test/support/agencyAccessLog';
import { connectTestDatabase, isEmbeddedTestDatabase } from '../../test/support/testDatabase';
import { testAgencyKeys } from '../../test/support/testWitness';
import { createAccessLogWriter } from '../accessLog/accessLogWriter';
import { expectedHash, LOGGED_AT_SQL } from '../accessLog/canonicalRecord';
import { PrematureCheckpointError, retainAccessLog } from '../accessLog/retainAccessLog';
import { verifyAccessLog } from '../accessLog/verifyAccessLog';
import { createLogger } from '../logging/logger';
import { fileWitness } from './fileWitness';
import { formatWitnessedReport } from './formatWitnessedReport';
import { governanceWitness } from './governanceWitness';
import { publishStatement } from './publishStatement';
import { startHeadPublisher } from './startHeadPublisher';
import { verifyWitnessedLog } from './verifyWitnessedLog';

// Each test gets an agency of its own: the witness keeps everything, by design.
let db: Db;
let folder: string;
const schemas: string[] = [];
beforeAll(async () => {
  db = connectTestDatabase(2);
  folder = await mkdtemp(path.join(tmpdir(), 'witness-'));
});
afterAll(async () => {
  for (const schema of schemas) {
    await db.raw('drop schema if exists ?? cascade', [schema]);
    await db.raw(`drop role if exists ${serviceRole(schema)}`).catch(() => undefined);
  }
  await db.destroy();
  await rm(folder, { recursive: true, force: true });
});

const caseworker = {
  kind: 'organisation' as const,
  subject: '47902140990',
  organisation: 'social-insurance',
  roles: [],
};
const YEAR_MS = 365 * 86_400_000;

/** A fresh agency whose log is witnessed by the governance store and a file, with heads after 2, 3 and 5 records. */
async function witnessedAgency(options: { publishLast?: boolean } = {}) {
  const schema = `witness_${randomBytes(4).toString('hex')}`;
  schemas.push(schema);
  await db.raw('create schema ??', [schema]);
  await createAgencyAccessLog(db, schema);
  const keys = testAgencyKeys(schema);
  const witnessFile = path.join(folder, `${schema}.jsonl`);
  const witnesses = [governanceWitness(db), fileWitness(witnessFile)];
  const publisher = startHeadPublisher({
    db,
    schema,
    signer: keys.signer,
    witnesses,
    intervalMs: 3_600_000,
    logger: createLogger('witness-test', 'silent'),
  });
  const write = createAccessLogWriter(db, schema);
  const append = (requestId: string, subjects: string[]) =>
    write(
      {
        requestId,
        caller: caseworker,
        purpose: 'benefit-eligibility',
        caseId: `CASE-${requestId}`,
      },
      subjects.map((subjectId) => ({ subjectId, fields: ['Person.givenName'] })),
    );
  await append('r1', ['38301010001', '48501010002']);
  await publisher.publishNow();
  // Records 1 and 2 are older than `cutoff`, the rest younger.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const cutoff = new Date();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await append('r2', ['38301010003']);
  await publisher.publishNow();
  await append('r3', ['48501010004', '38301010005']);
  // Stopping publishes the head, as a subgraph does at shutdown; without it, records 4 and 5
  // stay unwitnessed (the timer, unreferenced, never fires within the test).
  if (options.publishLast !== false) await publisher.stop();
  const options_ = { witnesses, ...keys };
  return {
    schema,
    witnessFile,
    cutoff,
    ...options_,
    verify: () => verifyWitnessedLog(db, schema, options_),
  };
}

/** Runs SQL as the table owner with the log's guard switched off. */
async function asOwner(schema: string, sql: string, bindings: unknown[] = []): Promise<void> {
  await db.raw(`alter table ${schema}.access_log disable trigger access_log_append_only`);
  try {
    await db.raw(sql, bindings as never);
  } finally {
    await db.raw(`alter table ${schema}.access_log enable trigger access_log_append_only`);
  }
}

/**
 * The rewrite attack: change records, then recompute every hash from the first change on, with
 * the chain's own canonical form, and move the head; the chain alone then verifies again.
 */
async function rewriteAsOwner(
  schema: string,
  [fromSeq, toSeq]: [number, number],
  change: string,
): Promise<void> {
  await asOwner(schema, `update ${schema}.access_log set ${change} where seq between ? and ?`, [
    fromSeq,
    toSeq,
  ]);
  const rows: Record<string, unknown>[] = await db(`${schema}.access_log`)
    .orderBy('seq')
    .select('*', db.raw(`${LOGGED_AT_SQL} as logged_at_text`));
  let previous = 'genesis';
  for (const row of rows) {
    const seq = Number(row.seq);
    if (seq >= fromSeq) {
      const hash = expectedHash({
        seq,
        loggedAt: row.logged_at_text as string,
        requestId: row.request_id as string,
        subjectId: row.subject_id as string,
        callerKind: row.caller_kind as string,
        callerSubject: row.caller_subject as string | null,
        organisation: row.organisation as string | null,
        purpose: row.purpose as string | null,
        caseId: row.case_id as string | null,
        fields: row.fields as string[],
        prevHash: previous,
      } as never);
      await asOwner(
        schema,
        `update ${schema}.access_log set prev_hash = ?, hash = ? where seq = ?`,
        [previous, hash, seq],
      );
      row.hash = hash;
    }
    previous = row.hash as string;
  }
  await db(`${schema}.access_log_head`).update({ last_seq: rows.length, last_hash: previous });
}

describe('the access log, witnessed outside the agency', () => {
  it('verifies an honest log against every signed head its witnesses hold', async () => {
    const agency = await witnessedAgency();
    const report = await agency.verify();
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ records: 5, startsAfter: 0 });
    // Three heads (records 2, 3 and 5), each kept by both witnesses.
    expect(report.witnessed).toMatchObject({ statements: 6, upToSeq: 5 });
    const lines = (await readFile(agency.witnessFile, 'utf8')).trim().split('\n');
    expect(lines.map((line) => JSON.parse(line).seq)).toEqual([2, 3, 5]);
    expect(formatWitnessedReport(report)).toMatch(
      new RegExp(`^${agency.schema} ok: 5 records verified, witnessed up to record 5 \\(6 signed`),
    );
  });

  it('names the rewritten record when the owner alters it and recomputes the chain after it', async () => {
    const agency = await witnessedAgency();
    await rewriteAsOwner(agency.schema, [3, 3], `purpose = 'curiosity'`);
    expect((await verifyAccessLog(db, agency.schema)).problem).toBeUndefined();

    const report = await agency.verify();
    expect(report.problem).toEqual({
      seq: 3,
      message: expect.stringMatching(
        new RegExp(
          `^record 3 was rewritten: it no longer matches the head ${agency.schema} signed at `,
        ),
      ),
    });
    expect(formatWitnessedReport(report)).toMatch(/ BROKEN at record 3: record 3 was rewritten/);
  });

  it('bounds a rewrite between two witnessed heads', async () => {
    const agency = await witnessedAgency();
    await rewriteAsOwner(agency.schema, [4, 4], `case_id = null`);
    expect((await agency.verify()).problem).toEqual({
      seq: 5,
      message: expect.stringMatching(
        /^record 5 was rewritten: .* \(the change lies in records 4–5\)$/,
      ),
    });
  });

  it('catches a forged checkpoint: the owner writes one and deletes everything', async () => {
    const agency = await witnessedAgency();
    const last = await db(`${agency.schema}.access_log`).orderBy('seq', 'desc').first();
    await db(`${agency.schema}.access_log_checkpoint`).insert({
      seq: 5,
      hash: last.hash,
      removed: 5,
      reason: 'retention: older than 1825 days',
    });
    await db(`${agency.schema}.access_log`).delete(); // the guard lets covered records go
    expect(await verifyAccessLog(db, agency.schema)).toMatchObject({ records: 0, startsAfter: 5 });

    expect((await agency.verify()).problem).toEqual({
      seq: 1,
      message: `checkpoint 5 is not signed by ${agency.schema} (forged or unsigned): records 1–5 were removed without a signed retention checkpoint`,
    });
  });

  it('catches a tail cut off behind a witnessed head, head moved back', async () => {
    const agency = await witnessedAgency();
    const third = await db(`${agency.schema}.access_log`).where({ seq: 3 }).first();
    await asOwner(agency.schema, `delete from ${agency.schema}.access_log where seq > 3`);
    await db(`${agency.schema}.access_log_head`).update({ last_seq: 3, last_hash: third.hash });
    expect((await verifyAccessLog(db, agency.schema)).problem).toBeUndefined();

    expect((await agency.verify()).problem).toEqual({
      seq: 4,
      message: expect.stringMatching(
        new RegExp(
          `^the log was cut off: it ends at record 3, but ${agency.schema} signed a head at record 5 `,
        ),
      ),
    });
  });

  it('reports a statement in a witness that the agency did not sign', async () => {
    const agency = await witnessedAgency();
    const impostor = testAgencyKeys(agency.schema);
    await publishStatement(
      [fileWitness(agency.witnessFile)],
      impostor.signer.sign({
        kind: 'head',
        agency: agency.schema,
        seq: 9,
        hash: 'a'.repeat(64),
        signedAt: new Date().toISOString(),
      }),
    );
    expect((await agency.verify()).problem).toEqual({
      seq: 9,
      message: expect.stringMatching(
        /^file .* line 4 does not carry a valid signature of witness_\w+'s key "test-witness_\w+-1": a forged or unsigned statement$/,
      ),
    });
  });

  it('lets an honest retention go, signed and witnessed, and the rest verifies from it', async () => {
    const agency = await witnessedAgency();
    const result = await retainAccessLog(db, agency.schema, {
      olderThan: agency.cutoff,
      reason: 'test',
      ...agency,
    });
    expect(result).toMatchObject({ removed: 2, checkpointSeq: 2 });
    const report = await agency.verify();
    expect(report.problems).toEqual([]);
    // The head at record 2 is the checkpoint's; both witnesses hold the checkpoint too.
    expect(report).toMatchObject({ records: 3, startsAfter: 2 });
    expect(report.witnessed).toMatchObject({ statements: 8, upToSeq: 5 });
  });
});

describe('a checkpoint younger than the retention it claims', () => {
  it('is refused by retention: backdated records behind a recent signed head stay', async () => {
    // Records 4 and 5 were never witnessed; the owner backdates them six years, chain recomputed.
    const agency = await witnessedAgency({ publishLast: false });
    await rewriteAsOwner(agency.schema, [4, 5], `logged_at = logged_at - interval '6 years'`);
    expect((await agency.verify()).problems).toEqual([]);

    const refusal = await retainAccessLog(db, agency.schema, {
      olderThan: new Date(Date.now() - 5 * YEAR_MS),
      reason: 'retention: 5 years',
      ...agency,
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PrematureCheckpointError);
    expect((refusal as Error).message).toMatch(
      /records 3–5 came after the head at record 2 signed at .*younger than the retention it claims; nothing was removed$/,
    );
    expect(await db(`${agency.schema}.access_log`).count({ n: '*' })).toEqual([{ n: 5 }]);
  });

  it('is refused by retention when its cut-off lies in the future', async () => {
    const agency = await witnessedAgency();
    await expect(
      retainAccessLog(db, agency.schema, {
        olderThan: new Date(Date.now() + 86_400_000),
        reason: 'retention: -1 day',
        ...agency,
      }),
    ).rejects.toThrow(PrematureCheckpointError);
    expect(await db(`${agency.schema}.access_log`).count({ n: '*' })).toEqual([{ n: 5 }]);
  });

  it('is reported by verify, though signed with the agency key', async () => {
    const agency = await witnessedAgency();
    const last = await db(`${agency.schema}.access_log`).orderBy('seq', 'desc').first();
    const checkpoint = agency.signer.sign({
      kind: 'checkpoint',
      agency: agency.schema,
      seq: 5,
      hash: last.hash,
      signedAt: new Date().toISOString(),
      olderThan: new Date(Date.now() - 5 * YEAR_MS).toISOString(),
      removed: 5,
      reason: 'retention: 5 years',
    });
    await publishStatement(agency.witnesses, checkpoint);
    await db(`${agency.schema}.access_log_checkpoint`).insert({
      seq: 5,
      hash: last.hash,
      removed: 5,
      reason: 'retention: 5 years',
    });
    await db(`${agency.schema}.access_log`).delete();

    const report = await agency.verify();
    expect(report.problem).toEqual({
      seq: 3,
      message: expect.stringMatching(
        /^checkpoint 5 claims every record it covers was logged before .*, but records 3–5 came after the head at record 2 signed at .*: the checkpoint is younger than the retention it claims$/,
      ),
    });
  });
});

// The embedded database is one session shared by every client: a role cannot be taken there
// without taking it for every test at once.
(isEmbeddedTestDatabase() ? describe.skip : describe)('the witness, to an agency', () => {
  it('accepts statements in its own name only, and never changes or removes one', async () => {
    const schema = `witness_${randomBytes(4).toString('hex')}`;
    schemas.push(schema);
    await db.raw('create schema ??', [schema]);
    await createAgencyAccessLog(db, schema);
    const role = serviceRole(schema);
    // As the migration grants it to every agency's role.
    await db.raw(`grant usage on schema governance to ${role}`);
    await db.raw(`grant select, insert on governance.witnessed_head to ${role}`);
    await db.raw(`grant usage on sequence governance.witnessed_head_id_seq to ${role}`);
    const row = (agency: string) =>
      `insert into governance.witnessed_head (agency, kind, seq, hash, signed_at, key_id, jws)
       values ('${agency}', 'head', 1, 'x', now(), 'k', 'x.y.z')`;
    // Each statement runs in a transaction rolled back afterwards: the witness keeps what it is given.
    const asRole = (sql: string) =>
      db.transaction(async (trx) => {
        await trx.raw(`set local role ${role}`);
        await trx.raw(row(schema));
        await trx.raw(sql);
        throw new Error('rolled back');
      });

    await expect(asRole('select 1')).rejects.toThrow('rolled back');
    await expect(asRole(row('population'))).rejects.toThrow(
      new RegExp(`the witness refuses a statement for population from ${role}`),
    );
    await expect(
      asRole(`update governance.witnessed_head set hash = 'y' where agency = '${schema}'`),
    ).rejects.toThrow(/permission denied/);
    await expect(
      asRole(`delete from governance.witnessed_head where agency = '${schema}'`),
    ).rejects.toThrow(/permission denied/);
    // Not even the owner.
    await db.raw(row(schema));
    await expect(
      db.raw(`update governance.witnessed_head set hash = 'y' where agency = ?`, [schema]),
    ).rejects.toThrow(/insert-only/);
    await expect(
      db.raw(`delete from governance.witnessed_head where agency = ?`, [schema]),
    ).rejects.toThrow(/insert-only/);
    await expect(db.raw('truncate governance.witnessed_head')).rejects.toThrow(/insert-only/);
  });
});
