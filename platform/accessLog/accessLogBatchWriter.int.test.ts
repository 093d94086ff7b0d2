import { randomBytes } from 'node:crypto';
import type { Db } from '../db/createDb';
import { serviceRole } from '../../migrations/shared/accessLog';
import { createAgencyAccessLog } from '../../test/support/agencyAccessLog';
import { createTokenAdmission } from '../identity/TokenAdmission';
import { connectTestDatabase, isEmbeddedTestDatabase } from '../../test/support/testDatabase';
import { type AccessContext, createAccessLogBatchWriter } from './accessLogWriter';
import { verifyAccessLog } from './verifyAccessLog';

let db: Db;
// A log of its own for each test, so its records never mix with any other's.
let schema: string;

beforeAll(() => {
  db = connectTestDatabase(4);
});
beforeEach(async () => {
  schema = `audit_${randomBytes(4).toString('hex')}`;
  await db.raw('create schema ??', [schema]);
  await createAgencyAccessLog(db, schema);
});
afterEach(async () => {
  await db.raw('drop schema if exists ?? cascade', [schema]);
  await db.raw(`drop role if exists ${serviceRole(schema)}`).catch(() => undefined);
});
afterAll(() => db.destroy());

const CASEWORKER: AccessContext = {
  requestId: 'req-caseworker',
  caller: {
    kind: 'organisation',
    subject: '47902140990',
    organisation: 'social-insurance',
    roles: ['caseworker'],
  },
  purpose: 'benefit-eligibility',
  caseId: 'CASE-1',
};
const CITIZEN: AccessContext = {
  requestId: 'req-citizen',
  caller: { kind: 'citizen', subject: '48507120002' },
  purpose: null,
  caseId: null,
};

const rows = () =>
  db(`${schema}.access_log`)
    .orderBy('seq')
    .select(
      'request_id',
      'subject_id',
      'caller_kind',
      'caller_subject',
      'organisation',
      'purpose',
      'case_id',
      'fields',
    );

describe('the access log batch writer', () => {
  it("writes several requests' records in one statement, each with its own caller, in order, chained", async () => {
    await createAccessLogBatchWriter(
      db,
      schema,
    )([
      {
        context: CASEWORKER,
        entries: [
          { subjectId: '38301010001', fields: ['Person.familyName', 'Person.givenName'] },
          { subjectId: '48501010002', fields: ['Person.givenName'] },
        ],
      },
      { context: { ...CITIZEN, requestId: 'req-empty' }, entries: [] },
      { context: CITIZEN, entries: [{ subjectId: '48507120002', fields: ['Address.city'] }] },
    ]);
    expect(await rows()).toEqual([
      {
        request_id: 'req-caseworker',
        subject_id: '38301010001',
        caller_kind: 'organisation',
        caller_subject: '47902140990',
        organisation: 'social-insurance',
        purpose: 'benefit-eligibility',
        case_id: 'CASE-1',
        fields: ['Person.familyName', 'Person.givenName'],
      },
      {
        request_id: 'req-caseworker',
        subject_id: '48501010002',
        caller_kind: 'organisation',
        caller_subject: '47902140990',
        organisation: 'social-insurance',
        purpose: 'benefit-eligibility',
        case_id: 'CASE-1',
        fields: ['Person.givenName'],
      },
      {
        request_id: 'req-citizen',
        subject_id: '48507120002',
        caller_kind: 'citizen',
        caller_subject: '48507120002',
        organisation: null,
        purpose: null,
        case_id: null,
        fields: ['Address.city'],
      },
    ]);
    expect(await verifyAccessLog(db, schema)).toMatchObject({ records: 3 });
  });

  (isEmbeddedTestDatabase() ? it.skip : it)(
    'with per-connection preparation, plans each of its two statements once per connection and chains every record',
    async () => {
      const connection = connectTestDatabase(1);
      try {
        const write = createAccessLogBatchWriter(connection, schema, 'per-connection');
        const token = (id: string) =>
          createTokenAdmission(`${schema}-${id}`, Math.floor(Date.now() / 1000) + 60, undefined);
        const entries = [{ subjectId: '38301010001', fields: ['Person.givenName'] }];
        expect(await write([{ context: CASEWORKER, entries }])).toEqual([]);
        expect(await write([{ context: CITIZEN, entries }])).toEqual([]);
        expect(
          await write([
            { context: CASEWORKER, entries, admission: token('a') },
            { context: CITIZEN, entries },
          ]),
        ).toEqual([]);
        const replay = { context: CITIZEN, entries, admission: token('a') };
        expect(
          await write([{ context: CASEWORKER, entries, admission: token('b') }, replay]),
        ).toEqual([replay]);
        const prepared = await connection.raw<{ rows: { statement: string; runs: number }[] }>(
          `select statement, (generic_plans + custom_plans)::int as runs from pg_prepared_statements
           where name like 'govgraph\\_%' order by statement`,
        );
        expect(prepared.rows).toEqual([
          { statement: expect.stringMatching(/^select .*append_access_records/), runs: 2 },
          { statement: expect.stringMatching(/^with used as/), runs: 2 },
        ]);
        // Two, one, two records, and none for the replayed token.
        expect(await verifyAccessLog(db, schema)).toMatchObject({ records: 5 });
      } finally {
        await connection.destroy();
      }
    },
  );

  it('refuses records and requests that do not line up, and appends none of them', async () => {
    const call = (entryRequests: string, subjects: string) =>
      db.raw(
        `select ${schema}.append_access_records(${entryRequests}::int[], ${subjects}::text[], array['Person.givenName', 'Person.givenName'], array['r1'], array['citizen'], array['38301010001'], array[null], array[null], array[null], array[null], '{}')`,
      );
    // A record of a second request, where there is one request.
    await expect(call('array[1, 2]', "array['38301010001', '38301010002']")).rejects.toThrow(
      /do not line up/,
    );
    // Two records, one subject.
    await expect(call('array[1, 1]', "array['38301010001']")).rejects.toThrow(/do not line up/);
    await expect(call('array[1, null]', "array['38301010001', '38301010002']")).rejects.toThrow(
      /do not line up/,
    );
    expect(await rows()).toEqual([]);
    // Lined up, the same call appends both.
    expect((await call('array[1, 1]', "array['38301010001', '38301010002']")).rows).toEqual([
      { append_access_records: 2 },
    ]);
    expect(await verifyAccessLog(db, schema)).toMatchObject({ records: 2 });
  });
});
