import { generateKeyPair } from 'jose';
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SHOWCASE } from '../../demo/showcase';
import { DEMO_TRUSTED_DOCUMENTS } from '../../demo/trustedDocuments';
import { documentHash } from '../../gateway/trustedDocuments/documentHash';
import { readRoleGrants } from '../../gateway/identity/roleGrants';
import { repoRoot } from '../../platform/repoRoot';
import { startTestFederation, type TestFederation } from '../../test/support/testFederation';
import {
  startTestOpenIdProvider,
  type TestOpenIdProvider,
} from '../../test/support/testOpenIdProvider';
import { checkLoanAffordability, LOAN_AFFORDABILITY_CHECK_ID } from './loanAffordability';
import { AccessTokenError, type PartnerClient, requestAccessToken } from './requestAccessToken';
import { sendTrustedDocument, TrustedDocumentError } from './sendTrustedDocument';

const AUDIENCE = 'govgraph';
const BANK = { org: 'demo-bank', roles: ['credit-check'] };
const SECRET = randomBytes(24).toString('base64url');

let provider: TestOpenIdProvider;
let federation: TestFederation;
/** The bank's loan service, with a client secret. */
let loanService: PartnerClient;
/** Another system of the bank, proving itself with a private key. */
let affordabilityService: PartnerClient;

beforeAll(async () => {
  provider = await startTestOpenIdProvider({ audience: AUDIENCE });
  const keys = await generateKeyPair('ES256');
  provider.registerConfidentialClient({
    clientId: 'demo-bank-loan-service',
    credential: { secret: SECRET },
    claims: BANK,
  });
  provider.registerConfidentialClient({
    clientId: 'demo-bank-affordability',
    credential: { publicKey: keys.publicKey },
    claims: BANK,
  });
  const issuer = { issuer: provider.issuer, allowInsecureRequests: true };
  loanService = {
    ...issuer,
    clientId: 'demo-bank-loan-service',
    credential: { kind: 'client_secret', secret: SECRET },
  };
  affordabilityService = {
    ...issuer,
    clientId: 'demo-bank-affordability',
    credential: { kind: 'private_key_jwt', privateKey: keys.privateKey },
  };
  // The gateway as `npm start` runs it (the bank held to its trusted documents), trusting the
  // provider's tokens instead of the demo's.
  federation = await startTestFederation({
    trustedDocuments: DEMO_TRUSTED_DOCUMENTS,
    identity: {
      issuer: provider.issuer,
      audience: AUDIENCE,
      keys: { jwksUrl: provider.jwksUrl },
      roleGrants: readRoleGrants(path.join(repoRoot(), 'demo', 'roles.json')),
    },
  });
});
afterAll(async () => {
  await federation?.stop();
  await provider?.stop();
});

const check = async (client: PartnerClient, nationalId: string, monthlyRepayment: number) =>
  checkLoanAffordability(federation.gatewayUrl, {
    accessToken: (await requestAccessToken(client)).accessToken,
    nationalId,
    monthlyRepayment,
  });

describe("Demo Bank's loan affordability check", () => {
  test('gets a token for its client secret and reads the income bands of a customer who consented', async () => {
    const decision = await check(loanService, SHOWCASE.nationalId, 900);
    expect(decision).toEqual({
      applicant: 'Mari Tamm',
      municipality: 'Tartu',
      incomeBands: [
        { year: 2025, band: '40000-49999' },
        { year: 2024, band: '40000-49999' },
        { year: 2023, band: '40000-49999' },
        { year: 2022, band: '40000-49999' },
        { year: 2021, band: '30000-39999' },
      ],
      maxMonthlyRepayment: 1333,
      affordable: true,
    });
    expect(provider.clientCredentialsGrants.at(-1)).toEqual({
      clientId: 'demo-bank-loan-service',
      method: 'client_secret_basic',
      outcome: 'issued',
    });
  });

  test('declines a repayment above the share of the income band it may take', async () => {
    const decision = await check(loanService, SHOWCASE.nationalId, 1500);
    expect(decision.affordable).toBe(false);
  });

  test('works the same for a system that signs a JWT with its private key', async () => {
    const decision = await check(affordabilityService, SHOWCASE.nationalId, 900);
    expect(decision.applicant).toBe('Mari Tamm');
    expect(provider.clientCredentialsGrants.at(-1)).toEqual({
      clientId: 'demo-bank-affordability',
      method: 'private_key_jwt',
      outcome: 'issued',
    });
  });

  test('gets no token with a wrong secret', async () => {
    const refusal = await requestAccessToken({
      ...loanService,
      credential: { kind: 'client_secret', secret: 'not-the-secret' },
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AccessTokenError);
    expect((refusal as AccessTokenError).code).toBe('invalid_client');
    expect(provider.clientCredentialsGrants.at(-1)?.outcome).toBe('refused');
  });

  test('reads nothing about a customer who has not consented', async () => {
    const refusal = await check(loanService, SHOWCASE.partnerId, 900).catch(
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(TrustedDocumentError);
    expect((refusal as TrustedDocumentError).code).toBe('FORBIDDEN');
  });
});

describe('the gateway runs for the bank only the documents registered for it', () => {
  test('its document id is the SHA-256 of the registered document, in the manifest the gateway reads', async () => {
    const manifest = JSON.parse(await readFile(DEMO_TRUSTED_DOCUMENTS.path, 'utf8')) as {
      clients: Record<string, Record<string, string>>;
    };
    const document = manifest.clients['demo-bank']?.[LOAN_AFFORDABILITY_CHECK_ID];
    expect(document).toMatch(/^query LoanAffordabilityCheck\(\$nationalId: ID!\)/);
    expect(documentHash(document!)).toBe(LOAN_AFFORDABILITY_CHECK_ID);
  });

  test('an unregistered document id is refused, even for a query the bank could otherwise read', async () => {
    const { accessToken } = await requestAccessToken(loanService);
    const unregistered = documentHash(
      'query LoanApplicantName($nationalId: ID!) {\n  person(nationalId: $nationalId) {\n    givenName\n  }\n}',
    );
    const refusal = await sendTrustedDocument(federation.gatewayUrl, {
      documentId: unregistered,
      variables: { nationalId: SHOWCASE.nationalId },
      accessToken,
      purpose: 'loan-application',
    }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TrustedDocumentError);
    expect(refusal).toMatchObject({ code: 'PERSISTED_DOCUMENT_NOT_FOUND', status: 400 });
  });

  test('a query sent as text is refused before it runs', async () => {
    const { accessToken } = await requestAccessToken(loanService);
    const response = await fetch(federation.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${accessToken}`,
        'x-purpose': 'loan-application',
      },
      body: JSON.stringify({
        query: `{ person(nationalId: "${SHOWCASE.nationalId}") { givenName } }`,
      }),
    });
    const body = (await response.json()) as { data?: unknown; errors: { extensions: unknown }[] };
    expect(response.status).toBe(403);
    expect(body.errors.map((error) => error.extensions)).toEqual([
      { code: 'PERSISTED_DOCUMENT_REQUIRED' },
    ]);
    expect(body.data).toBeUndefined();
  });
});
