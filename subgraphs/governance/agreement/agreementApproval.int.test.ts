import type { Caller } from '../../../platform/context/Caller';
import { createLogger } from '../../../platform/logging/logger';
import { createPolicyRuntime, type PolicyRuntime } from '../../../platform/policy/policyRuntime';
import { taxPolicy } from '../../tax/policy';
import {
  APPROVE,
  CHANGE,
  grantInput,
  GRANT,
  REVOKE,
  useRegisterTest,
} from '../testing/registerTest';

const t = useRegisterTest();

const FULL_HISTORY = `query($id: ID!) {
  agreement(id: $id) {
    version status inForce
    history { version action changedTerms reason changedBy proposedBy proposedAt changedAt }
    proposals { version state proposedBy decidedBy }
  }
}`;

/** A tax-board official who holds both register roles: proposes, so may not approve. */
const DUAL_ROLE: Caller = {
  kind: 'organisation',
  subject: 'dual-role-official',
  organisation: 'tax-board',
  roles: ['governance-admin', 'data-controller'],
};

const HEALTH = {
  provider: 'health',
  purposes: ['medical-treatment'],
  fields: ['Person.gp', 'GpRegistration.*'],
  specialCategory: true,
};

async function approveError(
  id: string,
  version: number,
  as: Parameters<typeof t.client.error>[1]['as'],
) {
  return t.client.error(APPROVE, { as, variables: { id, version } });
}

describe('a new agreement is a proposal until the provider approves it', () => {
  let runtime: PolicyRuntime;
  beforeAll(async () => {
    runtime = await createPolicyRuntime({
      db: t.db,
      refreshMs: 60_000,
      logger: createLogger('approval-test', 'silent'),
    });
  });
  afterAll(() => runtime.stop());

  const asLender = (): Caller => ({
    kind: 'organisation',
    subject: 'credit-check',
    organisation: t.lender,
    roles: [],
  });
  const effect = async () => {
    await runtime.store.refresh();
    return runtime
      .forRequest(taxPolicy, asLender(), 'loan-application')
      .decision('IncomeAssessment', 'incomeBand').effect;
  };

  it('grants nothing while proposed, and applies once the data controller approves', async () => {
    const proposed = await t.propose();
    const id = proposed.id as string;
    expect(proposed).toMatchObject({ status: 'PROPOSED', version: 0, inForce: false });
    expect(await t.pending(id)).toMatchObject({
      status: 'PROPOSED',
      inForce: false,
      pendingProposal: {
        version: 1,
        baseVersion: 0,
        state: 'PENDING',
        grounds: ['it is a new agreement'],
        terms: { status: 'ACTIVE' },
      },
    });
    expect(await effect()).toBe('deny');
    expect(runtime.store.agreements().map((a) => a.id)).not.toContain(id);

    const approved = await t.approve(id);
    expect(approved).toMatchObject({ id, status: 'ACTIVE', version: 1, inForce: true });
    expect(await effect()).toBe('allow');

    const { agreement } = await t.client.data<{ agreement: Record<string, unknown> }>(
      FULL_HISTORY,
      { as: 'steward', variables: { id } },
    );
    expect(agreement).toMatchObject({
      version: 1,
      history: [
        {
          version: 1,
          action: 'APPROVED',
          changedTerms: [],
          changedBy: expect.stringMatching(/^tax-board\//),
          proposedBy: expect.stringMatching(/^information-system-authority\//),
          proposedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          changedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      ],
      proposals: [
        {
          version: 1,
          state: 'APPROVED',
          proposedBy: expect.stringMatching(/^information-system-authority\//),
          decidedBy: expect.stringMatching(/^tax-board\//),
        },
      ],
    });
  });

  it('keeps the terms in force while a widening change waits, then applies it', async () => {
    const { id } = (await t.grant()) as { id: string };
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      {
        as: 'steward',
        variables: {
          id,
          input: { fields: [...grantInput(t.lender).fields, 'IncomeAssessment.taxableIncome'] },
          reason: 'The lender asks for exact incomes',
        },
      },
    );
    expect(changeAgreement).toMatchObject({ id, version: 1 });
    expect(await t.pending(id)).toMatchObject({
      version: 1,
      inForce: true,
      pendingProposal: {
        version: 2,
        baseVersion: 1,
        changedTerms: ['fields'],
        grounds: ['it adds fields: IncomeAssessment.taxableIncome'],
        reason: 'The lender asks for exact incomes',
      },
    });
    const taxableIncome = async () => {
      await runtime.store.refresh();
      return runtime
        .forRequest(taxPolicy, asLender(), 'loan-application')
        .decision('IncomeAssessment', 'taxableIncome').effect;
    };
    expect(await taxableIncome()).toBe('deny');
    expect(await t.approve(id)).toMatchObject({ version: 2, status: 'ACTIVE' });
    expect(await taxableIncome()).toBe('allow');
    // Clean up: the lender's other tests expect income to stay out of reach.
    await t.client.data(REVOKE, { as: 'steward', variables: { id, reason: 'Test over' } });
    expect(await taxableIncome()).toBe('deny');
  });

  it.each([
    [
      'more purposes',
      { purposes: ['loan-application', 'tax-assessment'] },
      'it adds purposes: tax-assessment',
    ],
    ['the full form', { form: 'FULL' }, 'it releases full values instead of masked ones'],
    ['a longer validity', { validUntil: '2031-12-31' }, 'it runs longer'],
    ['a basis other than consent', { legalBasisKind: 'LAW' }, 'it rests on law instead of consent'],
    ['longer retention', { retentionDays: 60 }, 'it lets the data be kept longer'],
    [
      'a smaller minimum cell',
      { minCellSize: 5 },
      'it releases smaller statistical cells (minimum cell size 5 instead of 10)',
    ],
  ])('counts %s as widening', async (_what, input, ground) => {
    const { id } = (await t.grant({ form: 'MASKED', legalBasisKind: 'CONSENT' })) as { id: string };
    await t.client.data(CHANGE, { as: 'steward', variables: { id, input } });
    expect(await t.pending(id)).toMatchObject({
      version: 1,
      pendingProposal: { version: 2, grounds: [ground] },
    });
  });

  it('keeps a minimum cell size for statistics: 10 unless stated, raised at once, lowered on approval', async () => {
    expect(await t.grant()).toMatchObject({ minCellSize: 10 });
    const { id } = (await t.grant({ minCellSize: 20 })) as { id: string };
    expect(await t.pending(id)).toMatchObject({ version: 1, pendingProposal: null });
    const raise = { as: 'steward', variables: { id, input: { minCellSize: 25 } } } as const;
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      raise,
    );
    expect(changeAgreement).toMatchObject({ version: 2, minCellSize: 25 });
    await t.client.data(CHANGE, { as: 'steward', variables: { id, input: { minCellSize: 15 } } });
    expect(await t.pending(id)).toMatchObject({
      version: 2,
      pendingProposal: { terms: { minCellSize: 15 }, changedTerms: ['minCellSize'] },
    });
    expect(await t.approve(id)).toMatchObject({ version: 3, minCellSize: 15 });
  });

  it('refuses a minimum cell size that could single people out, or is not a whole number', async () => {
    for (const minCellSize of [2, 0, -5, 10_001])
      expect(await t.grantProblems({ minCellSize })).toEqual([
        'minCellSize must be a whole number from 3 to 10000: smaller cells could single people out',
      ]);
    const { id } = (await t.grant()) as { id: string };
    const { errors } = await t.client.execute(CHANGE, {
      as: 'steward',
      variables: { id, input: { minCellSize: 1 } },
    });
    expect(errors?.[0]?.extensions?.problems).toEqual([
      'minCellSize must be a whole number from 3 to 10000: smaller cells could single people out',
    ]);
    expect(await t.pending(id)).toMatchObject({ version: 1, pendingProposal: null });
  });

  it('lets a narrowing change take effect at once', async () => {
    const { id } = (await t.grant()) as { id: string };
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      {
        as: 'steward',
        variables: {
          id,
          input: {
            fields: ['Person.incomeAssessments', 'IncomeAssessment.year'],
            validUntil: '2029-06-30',
          },
        },
      },
    );
    expect(changeAgreement).toMatchObject({
      version: 2,
      fields: ['Person.incomeAssessments', 'IncomeAssessment.year'],
      validUntil: '2029-06-30',
    });
    expect(await t.pending(id)).toMatchObject({ version: 2, pendingProposal: null });
  });
});

describe('a pending proposal', () => {
  it('is superseded by a narrowing change, which applies at once', async () => {
    const { id } = (await t.grant()) as { id: string };
    await t.client.data(CHANGE, {
      as: 'steward',
      variables: { id, input: { purposes: ['loan-application', 'tax-assessment'] } },
    });
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      { as: 'steward', variables: { id, input: { validUntil: '2029-12-31' } } },
    );
    // Version 2 was the proposal's: the narrowing change takes the next number.
    expect(changeAgreement).toMatchObject({ version: 3, validUntil: '2029-12-31' });
    expect(await t.pending(id)).toMatchObject({ version: 3, pendingProposal: null });
    expect(await approveError(id, 2, 'tax-controller')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('it has no proposal awaiting approval'),
    });
    const { agreement } = await t.client.data<{ agreement: { proposals: unknown[] } }>(
      FULL_HISTORY,
      { as: 'steward', variables: { id } },
    );
    expect(agreement.proposals).toMatchObject([
      { version: 1, state: 'APPROVED' },
      {
        version: 2,
        state: 'SUPERSEDED',
        decidedBy: expect.stringMatching(/^information-system-authority\//),
      },
    ]);
  });
});

describe('who may approve', () => {
  it('refuses the proposer, even when they hold the data-controller role', async () => {
    const { grantAgreement } = await t.client.data<{ grantAgreement: { id: string } }>(GRANT, {
      as: DUAL_ROLE,
      variables: { input: grantInput(t.lender) },
    });
    const id = grantAgreement.id;
    expect(await approveError(id, 1, DUAL_ROLE)).toEqual({
      code: 'FORBIDDEN',
      message: `Agreement ${id} cannot be approved: its proposer may not approve their own proposal`,
    });
    expect(await t.pending(id)).toMatchObject({
      status: 'PROPOSED',
      pendingProposal: { version: 1 },
    });
  });

  it("refuses the consumer's own data controller", async () => {
    const { id } = (await t.propose({ consumer: 'tax-board', purposes: ['tax-assessment'] })) as {
      id: string;
    };
    expect(await approveError(id, 1, 'tax-controller')).toEqual({
      code: 'FORBIDDEN',
      message: `Agreement ${id} cannot be approved: tax-board is its consumer: no one approves an agreement that grants their own organisation data`,
    });
    expect(await t.pending(id)).toMatchObject({ status: 'PROPOSED' });
  });

  it("refuses another agency's data controller, and anyone without the role", async () => {
    const { id } = (await t.propose()) as { id: string };
    expect(await approveError(id, 1, 'health-controller')).toEqual({
      code: 'FORBIDDEN',
      message: `Agreement ${id} cannot be approved: only the data controller of tax (tax-board) approves its agreements`,
    });
    for (const as of ['steward', 'tax-officer', 'auditor', 'citizen', 'public'] as const) {
      expect(await approveError(id, 1, as)).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('reserved to holders of the data-controller role'),
      });
    }
    expect(await t.pending(id)).toMatchObject({ status: 'PROPOSED' });
  });

  it('refuses a version that is not the one awaiting approval, changing nothing', async () => {
    const { id } = (await t.propose()) as { id: string };
    expect(await approveError(id, 2, 'tax-controller')).toEqual({
      code: 'BAD_USER_INPUT',
      message: `Agreement ${id} cannot be approved: version 2 is not the proposal awaiting approval: version 1 is`,
    });
    // A new proposal supersedes the one the approver may have read.
    await t.client.data(CHANGE, {
      as: 'steward',
      variables: { id, input: { purposes: ['loan-application', 'tax-assessment'] } },
    });
    expect(await approveError(id, 1, 'tax-controller')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(
        'version 1 is not the proposal awaiting approval: version 2 is',
      ),
    });
    expect(await t.approve(id)).toMatchObject({
      version: 2,
      status: 'ACTIVE',
      purposes: ['loan-application', 'tax-assessment'],
    });
    expect(await approveError(id, 2, 'tax-controller')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(
        'it has no proposal awaiting approval (its version in force is 2)',
      ),
    });
    expect(
      await t.client.error(APPROVE, {
        as: 'tax-controller',
        variables: { id: 'DSA-NONE-01', version: 1 },
      }),
    ).toEqual({ code: 'NOT_FOUND', message: 'No agreement DSA-NONE-01 is in the register' });
  });
});

describe('special-category data and the access log', () => {
  it('needs approval for a narrowing change of a special-category agreement', async () => {
    const { id } = (await t.grant(HEALTH)) as { id: string };
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      {
        as: 'steward',
        variables: { id, input: { fields: ['Person.gp', 'GpRegistration.practice'] } },
      },
    );
    expect(changeAgreement).toMatchObject({ version: 1, fields: HEALTH.fields });
    expect(await t.pending(id)).toMatchObject({
      pendingProposal: { version: 2, grounds: ['it covers special-category data'] },
    });
    expect(await t.approve(id, 'health')).toMatchObject({
      version: 2,
      fields: ['Person.gp', 'GpRegistration.practice'],
    });
  });

  it('needs approval for a narrowing change of an access-log agreement', async () => {
    const { id } = (await t.grant({
      fields: ['AccessRecord.accessedAt', 'AccessRecord.agency', 'AccessRecord.purpose'],
    })) as { id: string };
    await t.client.data(CHANGE, {
      as: 'steward',
      variables: { id, input: { fields: ['AccessRecord.accessedAt', 'AccessRecord.agency'] } },
    });
    expect(await t.pending(id)).toMatchObject({
      version: 1,
      pendingProposal: { version: 2, grounds: ['it covers access-log fields'] },
    });
  });

  it('suspends a special-category agreement at once: stopping the flow never waits', async () => {
    const { id } = (await t.grant(HEALTH)) as { id: string };
    const { changeAgreement } = await t.client.data<{ changeAgreement: Record<string, unknown> }>(
      CHANGE,
      { as: 'steward', variables: { id, input: { status: 'SUSPENDED' } } },
    );
    expect(changeAgreement).toMatchObject({ version: 2, status: 'SUSPENDED' });
    // Resuming widens it again, so it waits for the controller.
    await t.client.data(CHANGE, { as: 'steward', variables: { id, input: { status: 'ACTIVE' } } });
    expect(await t.pending(id)).toMatchObject({
      status: 'SUSPENDED',
      pendingProposal: {
        version: 3,
        grounds: ['it resumes the agreement', 'it covers special-category data'],
      },
    });
  });
});

describe('revocation needs one party', () => {
  it("is immediate for the provider's data controller, and supersedes a pending proposal", async () => {
    const { id } = (await t.grant()) as { id: string };
    await t.client.data(CHANGE, {
      as: 'steward',
      variables: { id, input: { purposes: ['loan-application', 'tax-assessment'] } },
    });
    const { revokeAgreement } = await t.client.data<{ revokeAgreement: Record<string, unknown> }>(
      REVOKE,
      { as: 'tax-controller', variables: { id, reason: 'The controller ends it' } },
    );
    expect(revokeAgreement).toMatchObject({ status: 'REVOKED', version: 3, inForce: false });
    expect(await t.pending(id)).toMatchObject({ pendingProposal: null });
    expect(await approveError(id, 2, 'tax-controller')).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it("refuses another agency's data controller", async () => {
    const { id } = (await t.grant()) as { id: string };
    expect(
      await t.client.error(REVOKE, { as: 'health-controller', variables: { id, reason: 'no' } }),
    ).toEqual({
      code: 'FORBIDDEN',
      message: `Agreement ${id} cannot be revoked: only a governance administrator or the data controller of tax (tax-board) revokes it`,
    });
    expect(await t.pending(id)).toMatchObject({ status: 'ACTIVE', inForce: true });
  });
});
