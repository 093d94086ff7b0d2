import type { PersonaName } from '../../../demo/identity/personas';
import type { Db } from '../../../platform/db/createDb';
import {
  addTestOrganisation,
  type GovernanceTestClient,
  startGovernanceTestClient,
  testAgreementId,
} from './governanceTestClient';

const AGREEMENT_FIELDS = `id title provider consumer purposes fields form legalBasis legalBasisKind
  specialCategory reuseTerms onwardSharing retentionDays licence validFrom validUntil reviewDate
  status version revokedAt revokedReason minCellSize`;

export const GRANT = `mutation($input: GrantAgreementInput!) { grantAgreement(input: $input) { ${AGREEMENT_FIELDS} inForce changedBy } }`;
export const CHANGE = `mutation($id: ID!, $input: ChangeAgreementInput!, $reason: String) {
  changeAgreement(id: $id, input: $input, reason: $reason) { id version status title fields validUntil reviewDate minCellSize }
}`;
export const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeAgreement(id: $id, reason: $reason) { id status version revokedAt revokedReason inForce }
}`;
export const HISTORY = `query($id: ID!) { agreement(id: $id) { history { version action changedTerms reason changedBy } } }`;
export const APPROVE = `mutation($id: ID!, $version: Int!) {
  approveAgreement(id: $id, version: $version) { ${AGREEMENT_FIELDS} inForce changedBy }
}`;
export const PENDING = `query($id: ID!) {
  agreement(id: $id) { status version inForce pendingProposal { version baseVersion state changedTerms grounds reason terms { fields purposes form status specialCategory validUntil minCellSize } } }
}`;

/** The demo persona who approves agreements sharing an agency's data: its data controller. */
export function controllerOf(provider: string): PersonaName {
  return `${provider}-controller` as PersonaName;
}

/** A valid agreement for a test organisation, with a register number of its own. */
export function grantInput(consumer: string, overrides: Record<string, unknown> = {}) {
  return {
    id: testAgreementId(),
    title: 'Income bands for credit checks',
    provider: 'tax',
    consumer,
    purposes: ['loan-application'],
    fields: ['Person.incomeAssessments', 'IncomeAssessment.year', 'IncomeAssessment.incomeBand'],
    legalBasis: 'Creditors and Credit Intermediaries Act § 59',
    legalBasisKind: 'LAW',
    reuseTerms: 'Only for the credit decision.',
    retentionDays: 30,
    validFrom: '2026-01-01',
    validUntil: '2030-12-31',
    reviewDate: '2028-06-30',
    ...overrides,
  };
}

/** The governance subgraph and an organisation of its own, for tests that change agreements. */
export interface RegisterTest {
  client: GovernanceTestClient;
  db: Db;
  lender: string;
  /**
   * Proposes an agreement for the test organisation as the steward and has the provider's data
   * controller approve it; fails the test if either is refused. Returns the approved agreement.
   */
  grant(overrides?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Proposes an agreement as the steward, without approving it. */
  propose(overrides?: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Approves the pending proposal of an agreement as its provider's data controller. */
  approve(id: string, provider?: string): Promise<Record<string, unknown>>;
  /** The pending proposal of an agreement, with its status and version in force. */
  pending(id: string): Promise<Record<string, unknown>>;
  /** The problems named when the steward's grant is refused. */
  grantProblems(overrides: Record<string, unknown>): Promise<string[]>;
}

/** Sets up a register test in beforeAll and removes everything it granted in afterAll. */
export function useRegisterTest(): RegisterTest {
  const test = {} as RegisterTest;
  let removeLender: () => Promise<void>;
  beforeAll(async () => {
    test.client = await startGovernanceTestClient();
    test.db = test.client.db;
    const organisation = await addTestOrganisation(test.db);
    test.lender = organisation.code;
    removeLender = organisation.remove;
  });
  afterAll(async () => {
    await removeLender();
    await test.client.stop();
  });
  test.propose = async (overrides = {}) => {
    const { grantAgreement } = await test.client.data<{
      grantAgreement: Record<string, unknown>;
    }>(GRANT, { as: 'steward', variables: { input: grantInput(test.lender, overrides) } });
    return grantAgreement;
  };
  test.pending = async (id) => {
    const { agreement } = await test.client.data<{ agreement: Record<string, unknown> }>(PENDING, {
      as: 'public',
      variables: { id },
    });
    return agreement;
  };
  test.approve = async (id, provider = 'tax') => {
    const { pendingProposal } = (await test.pending(id)) as {
      pendingProposal: { version: number };
    };
    const { approveAgreement } = await test.client.data<{
      approveAgreement: Record<string, unknown>;
    }>(APPROVE, {
      as: controllerOf(provider),
      variables: { id, version: pendingProposal.version },
    });
    return approveAgreement;
  };
  test.grant = async (overrides = {}) => {
    const proposed = await test.propose(overrides);
    return test.approve(proposed.id as string, (overrides.provider as string) ?? 'tax');
  };
  test.grantProblems = async (overrides) => {
    const { errors } = await test.client.execute(GRANT, {
      as: 'steward',
      variables: { input: grantInput(test.lender, overrides) },
    });
    expect(errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    return errors![0]!.extensions.problems as string[];
  };
  return test;
}
