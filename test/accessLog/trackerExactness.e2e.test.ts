import type { Db } from '../../platform/db/createDb';
import { connectTestDatabase } from '../support/testDatabase';
import {
  startTestFederation,
  type TestFederation,
  type QueryOptions,
} from '../support/testFederation';

// People from the middle of the register, whom no other test file reads through the gateway.
let citizens: string[];
let federation: TestFederation;
let db: Db;
let startedAt: string;

beforeAll(async () => {
  db = connectTestDatabase(2);
  citizens = await db('population.person')
    .where('date_of_birth', '<', '1990-01-01')
    .orderBy('national_id')
    .offset(4000)
    .limit(3)
    .pluck('national_id');
  federation = await startTestFederation();
  startedAt = new Date().toISOString();
});
afterAll(async () => {
  await federation?.stop();
  await db?.destroy();
});

interface Expected {
  agency: string;
  organisation: string;
  purpose: string;
  caseId: string;
  fields: string[];
}

const TRACKER = `query($from: DateTime) { me { dataAccessLog(first: 100, from: $from) {
  nodes { accessedAt agency organisation purpose caseId fields } } } }`;

async function read(options: QueryOptions, query: string): Promise<void> {
  const { body } = await federation.query(query, options);
  expect(body.errors).toBeUndefined();
}

describe("every citizen's data tracker", () => {
  it('lists exactly the accesses several organisations made to their data, newest first', async () => {
    const [anna, boris, carmen] = citizens as [string, string, string];
    const expected = new Map<string, Expected[]>([
      [anna, []],
      [boris, []],
      [carmen, []],
    ]);
    const note = (subject: string, entry: Expected) => expected.get(subject)!.unshift(entry);

    await read(
      { persona: 'caseworker', purpose: 'benefit-eligibility', caseId: 'SIB-2026-0001' },
      `{ person(nationalId: "${anna}") { givenName incomeAssessments(year: 2025) { taxableIncome } } }`,
    );
    note(anna, {
      agency: 'population',
      organisation: 'social-insurance',
      purpose: 'benefit-eligibility',
      caseId: 'SIB-2026-0001',
      fields: ['Person.givenName'],
    });
    note(anna, {
      agency: 'tax',
      organisation: 'social-insurance',
      purpose: 'benefit-eligibility',
      caseId: 'SIB-2026-0001',
      fields: ['IncomeAssessment.taxableIncome', 'Person.incomeAssessments'],
    });

    await read(
      { persona: 'tax-officer', purpose: 'tax-assessment', caseId: 'TAX-77' },
      `{ person(nationalId: "${boris}") { familyName vehicles { make } } }`,
    );
    note(boris, {
      agency: 'population',
      organisation: 'tax-board',
      purpose: 'tax-assessment',
      caseId: 'TAX-77',
      fields: ['Person.familyName'],
    });

    await read(
      { persona: 'physician', purpose: 'medical-treatment', caseId: 'VISIT-5' },
      `{ person(nationalId: "${carmen}") { vaccinations { vaccine } gp { practice } } }`,
    );
    await read(
      { persona: 'police-officer', purpose: 'traffic-control', caseId: 'STOP-9' },
      `{ a: person(nationalId: "${anna}") { drivingLicence { categories } } b: person(nationalId: "${carmen}") { familyName } }`,
    );
    note(carmen, {
      agency: 'population',
      organisation: 'police',
      purpose: 'traffic-control',
      caseId: 'STOP-9',
      fields: ['Person.familyName'],
    });

    const seen = new Map<string, Expected[]>();
    for (const subject of citizens) {
      const { body } = await federation.query(TRACKER, {
        persona: 'citizen',
        subject,
        variables: { from: startedAt },
      });
      expect(body.errors).toBeUndefined();
      const nodes = (
        body.data as { me: { dataAccessLog: { nodes: (Expected & { accessedAt: string })[] } } }
      ).me.dataAccessLog.nodes;
      const times = nodes.map((n) => n.accessedAt);
      expect([...times].sort().reverse()).toEqual(times);
      seen.set(
        subject,
        nodes.map(({ agency, organisation, purpose, caseId, fields }) => ({
          agency,
          organisation,
          purpose,
          caseId,
          fields,
        })),
      );
    }

    // Records of data that exists: vehicles, licences, vaccinations are released only where the person has them.
    const released = async (subject: string, agency: string) =>
      (
        await db(`${agency}.access_log`)
          .where({ subject_id: subject })
          .andWhere('logged_at', '>=', startedAt)
          .orderBy('seq', 'desc')
          .select('organisation', 'purpose', 'case_id', 'fields')
      ).map((r: { organisation: string; purpose: string; case_id: string; fields: string[] }) => ({
        agency,
        organisation: r.organisation,
        purpose: r.purpose,
        caseId: r.case_id,
        fields: r.fields,
      }));
    for (const subject of citizens) {
      const fromOtherAgencies = [
        ...(await released(subject, 'transport')),
        ...(await released(subject, 'health')),
      ];
      const want = [...expected.get(subject)!, ...fromOtherAgencies];
      expect(sortEntries(seen.get(subject)!)).toEqual(sortEntries(want));
    }
  });

  it('is not itself recorded: reading it leaves the access logs as they were', async () => {
    const count = async () => {
      let total = 0;
      for (const schema of [
        'population',
        'tax',
        'social',
        'health',
        'transport',
        'business',
        'governance',
      ]) {
        const [{ n }] = await db(`${schema}.access_log`)
          .whereIn('subject_id', citizens)
          .count<{ n: number }[]>({ n: '*' });
        total += Number(n);
      }
      return total;
    };
    const before = await count();
    for (const subject of citizens)
      await federation.query(TRACKER, {
        persona: 'citizen',
        subject,
        variables: { from: startedAt },
      });
    expect(await count()).toBe(before);
  });
});

function sortEntries(entries: Expected[]): Expected[] {
  return [...entries].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
