import { randomBytes } from 'node:crypto';
import { encodeCriteria } from '../../../platform/accessLog/accessLogCriteria';
import type { Db } from '../../../platform/db/createDb';
import { nationalIdFor } from '../../../platform/identity/nationalId';
import { countStatements } from '../../../test/support/countStatements';
import { type AsCaller, subgraphRequester } from '../../../test/support/subgraphRequest';
import { connectTestDatabase } from '../../../test/support/testDatabase';
import { createTaxSubgraph } from '../index';

// A person no other test reads, and an organisation code of this file's own.
const PERSON = nationalIdFor('1992-03-04', 'F', 900 + (randomBytes(1)[0]! % 90));
const ORG = `test-${randomBytes(4).toString('hex')}`;
const RECORD = 'accessedAt organisation callerKind subject purpose caseId fields requestId';

let db: Db;
let requester: Awaited<ReturnType<typeof subgraphRequester>>;

beforeAll(async () => {
  db = connectTestDatabase(2);
  requester = await subgraphRequester(await createTaxSubgraph(db));
  const record = {
    subject_id: PERSON,
    fields: ['IncomeAssessment.year', 'Person.incomeAssessments'],
  };
  await db('tax.access_log').insert({
    ...record,
    request_id: `${ORG}-1`,
    caller_kind: 'organisation',
    caller_subject: 'official-1',
    organisation: ORG,
    purpose: 'benefit-eligibility',
    case_id: 'SIB-1',
  });
  await db('tax.access_log').insert({
    ...record,
    request_id: `${ORG}-2`,
    caller_kind: 'citizen',
    caller_subject: PERSON,
  });
});
afterAll(async () => {
  await requester.stop();
  await db.destroy();
});

const trackerOf = (fields = RECORD) => `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on DataTrackerPage { accessLogTax { ${fields} } } }
}`;
const SEARCH = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on AccessLogSearch { recordsTax { callerSubject ${RECORD} } } }
}`;
/** The first page of a person's tracker, as the governance service keys it. */
const people = (...ids: string[]) => ({
  representations: ids.map((id) => ({
    __typename: 'DataTrackerPage',
    criteria: encodeCriteria({ filter: { subject: id }, after: null, limit: 21 }),
  })),
});
const searchFor = (filter: object) => ({
  representations: [
    { __typename: 'AccessLogSearch', criteria: encodeCriteria({ filter, after: null, limit: 10 }) },
  ],
});
const CITIZEN: AsCaller = { persona: 'citizen', subject: PERSON };
const AUDITOR: AsCaller = { persona: 'auditor', purpose: 'oversight' };

describe("the Tax Board's part of a person's data tracker", () => {
  it('gives the person the records about them, newest first', async () => {
    const { data, errors } = await requester.run(trackerOf(), CITIZEN, people(PERSON));
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          accessLogTax: [
            expect.objectContaining({
              callerKind: 'CITIZEN',
              organisation: null,
              requestId: `${ORG}-2`,
            }),
            {
              accessedAt: expect.stringMatching(/Z$/),
              organisation: ORG,
              callerKind: 'ORGANISATION',
              subject: PERSON,
              purpose: 'benefit-eligibility',
              caseId: 'SIB-1',
              fields: ['IncomeAssessment.year', 'Person.incomeAssessments'],
              requestId: `${ORG}-1`,
            },
          ],
        },
      ],
    });
  });

  it('does not tell the person which official read their data', async () => {
    const { data, errors } = await requester.run(
      trackerOf('callerSubject'),
      CITIZEN,
      people(PERSON),
    );
    expect(data).toEqual({
      _entities: [{ accessLogTax: [{ callerSubject: null }, { callerSubject: null }] }],
    });
    expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a page that names no person, before running any statement', async () => {
    let result: Awaited<ReturnType<typeof requester.run>> | undefined;
    const statements = await countStatements({ db }, async () => {
      result = await requester.run(trackerOf(), CITIZEN, {
        representations: [
          {
            __typename: 'DataTrackerPage',
            criteria: encodeCriteria({ filter: { organisation: ORG }, after: null, limit: 21 }),
          },
        ],
      });
    });
    expect(statements).toEqual({ db: 0 });
    expect(result?.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('gives nobody else the records about a person', async () => {
    const others: AsCaller[] = [
      { persona: 'citizen' },
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
      AUDITOR,
      { persona: 'public' },
    ];
    for (const as of others) {
      const { data, errors } = await requester.run(trackerOf(), as, people(PERSON));
      expect(data).toEqual({ _entities: [{ accessLogTax: null }] });
      expect(errors?.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);
    }
  });
});

describe("the Tax Board's answer to an oversight search", () => {
  it('gives the inspectorate every detail of the records found', async () => {
    const { data, errors } = await requester.run(SEARCH, AUDITOR, searchFor({ organisation: ORG }));
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      _entities: [
        {
          recordsTax: [
            expect.objectContaining({
              callerSubject: 'official-1',
              subject: PERSON,
              caseId: 'SIB-1',
            }),
          ],
        },
      ],
    });
  });

  it('answers no one without an agreement for supervision', async () => {
    for (const as of [
      CITIZEN,
      { persona: 'caseworker', purpose: 'benefit-eligibility' } as const,
    ]) {
      const { data, errors } = await requester.run(SEARCH, as, searchFor({ organisation: ORG }));
      expect(data).toEqual({ _entities: [{ recordsTax: null }] });
      expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
  });

  it('refuses criteria it cannot read before running any statement', async () => {
    let result: Awaited<ReturnType<typeof requester.run>> | undefined;
    const statements = await countStatements({ db }, async () => {
      result = await requester.run(SEARCH, AUDITOR, {
        representations: [
          { __typename: 'AccessLogSearch', criteria: '{"filter":{"colour":"red"}}' },
        ],
      });
    });
    expect(statements).toEqual({ db: 0 });
    expect(result?.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Not an access log search'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
