import { randomBytes } from 'node:crypto';
import type { Db } from '../db/createDb';
import { createAccessLog, serviceRole } from '../../migrations/shared/accessLog';
import { connectTestDatabase } from '../../test/support/testDatabase';
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
  await createAccessLog(db, schema);
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
});
