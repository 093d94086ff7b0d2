import { PERSONAS } from '../../demo/identity/personas';
import { SHOWCASE } from '../../demo/showcase';
import type { Db } from '../../platform/db/createDb';
import { connectTestDatabase } from '../support/testDatabase';
import { startTestFederation, type TestFederation } from '../support/testFederation';
import {
  expectData,
  expectForbidden,
  forbiddenErrors,
  valueAt,
} from './support/graphqlExpectations';
import { report, timeUntil } from './support/timeUntil';

const BANK = { persona: 'bank', purpose: 'loan-application' };
/** What an applicant consents to: that the bank checks who they are, and their income band. */
const INCOME_BAND = [
  'Person.nationalId',
  'Person.incomeAssessments',
  'IncomeAssessment.year',
  'IncomeAssessment.incomeBand',
];
const GRANT = `mutation($input: GrantConsentInput!) {
  grantConsent(input: $input) { id organisation purpose fields status }
}`;
const WITHDRAW = `mutation($id: ID!) { withdrawConsent(id: $id) { id status } }`;
const MINE = '{ myConsents { id organisation status } }';

const incomeOf = (nationalId: string, fields = 'year incomeBand') =>
  `{ person(nationalId: "${nationalId}") { incomeAssessments { ${fields} } } }`;

let federation: TestFederation;
/** The test's own connection: subgraphs may connect as service roles that cannot delete consents. */
let db: Db;
/** Two people of the register besides the showcase household, with incomes and no consents. */
let applicant: string;
let bystander: string;
const given: string[] = [];

beforeAll(async () => {
  federation = await startTestFederation();
  db = connectTestDatabase(2);
  const taxed = await db('tax.income_assessment')
    .distinct('national_id')
    .whereNotIn('national_id', [SHOWCASE.nationalId, SHOWCASE.partnerId, ...SHOWCASE.childIds])
    .orderBy('national_id', 'desc')
    .limit(2);
  [applicant, bystander] = taxed.map((row: { national_id: string }) => row.national_id) as [
    string,
    string,
  ];
});
afterAll(async () => {
  if (given.length > 0) await db('governance.consent').whereIn('id', given).delete();
  await db?.destroy();
  await federation?.stop();
});

function consentInput() {
  return {
    organisation: 'demo-bank',
    purpose: 'loan-application',
    fields: INCOME_BAND,
    expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    dataLifeDays: 30,
  };
}

async function giveConsent(subject: string): Promise<string> {
  const response = await federation.query(GRANT, {
    persona: 'citizen',
    subject,
    variables: { input: consentInput() },
  });
  const { grantConsent } = expectData<{ grantConsent: { id: string } }>(response);
  given.push(grantConsent.id);
  expect(grantConsent).toEqual({
    id: expect.any(String),
    organisation: 'demo-bank',
    purpose: 'loan-application',
    fields: INCOME_BAND,
    status: 'ACTIVE',
  });
  return grantConsent.id;
}

/** What the bank reads of a person's income bands: the bands, or null when refused. */
async function bandsReadByBank(nationalId: string): Promise<unknown> {
  const response = await federation.query(incomeOf(nationalId, 'incomeBand'), BANK);
  return forbiddenErrors(response).length > 0
    ? null
    : valueAt(response.body.data, ['person', 'incomeAssessments']);
}

describe('a bank reads income bands only of people who consented, and only while they do', () => {
  it("reads the showcase person's income bands, under her consent", async () => {
    const response = await federation.query(incomeOf(SHOWCASE.nationalId), BANK);
    const { person } = expectData<{ person: { incomeAssessments: unknown[] } }>(response);
    expect(person.incomeAssessments).toHaveLength(5);
    for (const assessment of person.incomeAssessments) {
      expect(assessment).toEqual({
        year: expect.any(Number),
        incomeBand: expect.stringMatching(/^\d+-\d+$/),
      });
    }
    expect(response.body.extensions?.dataUse).toContainEqual(
      expect.objectContaining({ agency: 'tax', agreement: 'DSA-BANK-TAX-01' }),
    );
  });

  it('never reads her taxable income, which no agreement with the bank covers', async () => {
    const response = await federation.query(
      incomeOf(SHOWCASE.nationalId, 'incomeBand taxableIncome'),
      BANK,
    );
    const assessments = valueAt(response.body.data, ['person', 'incomeAssessments']) as unknown[];
    expect(assessments).toHaveLength(5);
    assessments.forEach((_, index) =>
      expectForbidden(
        response,
        ['person', 'incomeAssessments', index, 'taxableIncome'],
        'no agreement grants tax/IncomeAssessment.taxableIncome to demo-bank for loan-application',
      ),
    );
  });

  it("does not read her partner's income bands: he has not consented", async () => {
    // Not even whether he is registered: the bank may identify only people who consented.
    const response = await federation.query(incomeOf(SHOWCASE.partnerId), BANK);
    expectForbidden(response, ['person'], 'may identify only people who consented to it');
  });

  it("reads a citizen's income bands once she consents, and not within a second of her withdrawal", async () => {
    expect(await bandsReadByBank(applicant)).toBeNull();

    const id = await giveConsent(applicant);
    const applied = await timeUntil(async () => (await bandsReadByBank(applicant)) !== null);
    report('consent applied in', applied);
    const bands = await bandsReadByBank(applicant);
    expect(bands).toEqual(
      expect.arrayContaining([{ incomeBand: expect.stringMatching(/^\d+-\d+$/) }]),
    );
    const mine = await federation.query(MINE, { persona: 'citizen', subject: applicant });
    expect(expectData(mine)).toEqual({
      myConsents: [{ id, organisation: 'demo-bank', status: 'ACTIVE' }],
    });

    const withdrawSent = performance.now();
    const withdrawn = await federation.query(WITHDRAW, {
      persona: 'citizen',
      subject: applicant,
      variables: { id },
    });
    expect(expectData(withdrawn)).toEqual({ withdrawConsent: { id, status: 'WITHDRAWN' } });
    const elapsed =
      Math.round(performance.now() - withdrawSent) +
      (await timeUntil(async () => (await bandsReadByBank(applicant)) === null));
    report('withdrawal applied in', elapsed);
    expect(elapsed).toBeLessThan(1_000);
    expectForbidden(
      await federation.query(incomeOf(applicant), BANK),
      ['person'],
      'may identify only people who consented to it',
    );
  });

  it("lets no caseworker give consent on anyone's behalf", async () => {
    const response = await federation.query(GRANT, {
      persona: 'caseworker',
      purpose: 'benefit-eligibility',
      variables: { input: consentInput() },
    });
    expectForbidden(response, ['grantConsent'], 'reserved to signed-in citizens');
    const recorded = await db('governance.consent').where({
      subject_id: PERSONAS.caseworker.claims.sub,
    });
    expect(recorded).toEqual([]);
  });

  it("answers NOT_FOUND to a citizen who withdraws someone else's consent, which stays in force", async () => {
    const id = await giveConsent(applicant);
    const response = await federation.query(WITHDRAW, {
      persona: 'citizen',
      subject: bystander,
      variables: { id },
    });
    expect(response.body.data).toEqual({ withdrawConsent: null });
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: `You have given no consent ${id}`,
        path: ['withdrawConsent'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND' }),
      }),
    ]);
    const mine = await federation.query(MINE, { persona: 'citizen', subject: applicant });
    expect(expectData<{ myConsents: unknown[] }>(mine).myConsents).toContainEqual({
      id,
      organisation: 'demo-bank',
      status: 'ACTIVE',
    });
    expect(await bandsReadByBank(applicant)).not.toBeNull();
  });
});
