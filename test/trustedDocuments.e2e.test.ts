import { readFile } from 'node:fs/promises';
import { SHOWCASE } from '../demo/showcase';
import { DEMO_TRUSTED_DOCUMENTS } from '../demo/trustedDocuments';
import { startTestFederation, type TestFederation } from './support/testFederation';

let federation: TestFederation;
/** The documentId of each of the bank's registered operations, by operation name. */
let documentIds: Map<string, string>;

beforeAll(async () => {
  federation = await startTestFederation({ trustedDocuments: DEMO_TRUSTED_DOCUMENTS });
  const manifest = JSON.parse(await readFile(DEMO_TRUSTED_DOCUMENTS.path, 'utf8')) as {
    clients: Record<string, Record<string, string>>;
  };
  documentIds = new Map(
    Object.entries(manifest.clients['demo-bank']!).map(([id, document]) => [
      /^query (\w+)/.exec(document)![1]!,
      id,
    ]),
  );
});
afterAll(() => federation.stop());

/** Runs one of the bank's registered operations as the bank, for a loan application. */
async function asBank(body: Record<string, unknown>) {
  const headers = await federation.headersFor({ persona: 'bank', purpose: 'loan-application' });
  const { status, text } = await federation.post(JSON.stringify(body), headers);
  return {
    status,
    body: JSON.parse(text) as { data?: unknown; errors?: { extensions?: unknown }[] },
  };
}

describe('the demo bank runs only the operations registered for it', () => {
  test('its applicant lookup answers for a customer who consented', async () => {
    const { body } = await asBank({
      documentId: documentIds.get('LoanApplicant'),
      variables: { nationalId: SHOWCASE.nationalId },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({
      person: { nationalId: SHOWCASE.nationalId, givenName: 'Mari', familyName: 'Tamm' },
    });
  });

  test("its income check gives the customer's income bands", async () => {
    const { body } = await asBank({
      documentId: documentIds.get('LoanApplicantIncome'),
      variables: { nationalId: SHOWCASE.nationalId },
    });
    expect(body.errors).toBeUndefined();
    const assessments = (body.data as { person: { incomeAssessments: { incomeBand: unknown }[] } })
      .person.incomeAssessments;
    expect(assessments.length).toBeGreaterThan(0);
    for (const { incomeBand } of assessments) expect(typeof incomeBand).toBe('string');
  });

  test('a query of its own is refused, even one the bank could otherwise read', async () => {
    const { status, body } = await asBank({
      query: `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName } }`,
    });
    expect(status).toBe(403);
    expect(body.errors?.map((error) => error.extensions)).toEqual([
      { code: 'PERSISTED_DOCUMENT_REQUIRED' },
    ]);
    expect(body.data).toBeUndefined();
  });

  test('another caller still sends its own queries', async () => {
    const response = await federation.query(
      `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName } }`,
      { persona: 'caseworker', purpose: 'benefit-eligibility' },
    );
    expect(response.body.data).toEqual({ person: { givenName: 'Mari' } });
  });
});
