import type { Caller } from '../../../platform/context/Caller';
import { createLogger } from '../../../platform/logging/logger';
import { createPolicyRuntime } from '../../../platform/policy/policyRuntime';
import { taxPolicy } from '../../tax/policy';
import { addTestOrganisation } from '../testing/governanceTestClient';
import {
  CHANGE,
  GRANT,
  grantInput,
  HISTORY,
  REVOKE,
  useRegisterTest,
} from '../testing/registerTest';

const t = useRegisterTest();

describe('managing agreements', () => {
  it('lets a steward propose an agreement, recording who did it, which is not in force', async () => {
    const input = grantInput(t.lender);
    const { grantAgreement } = await t.client.data<{ grantAgreement: Record<string, unknown> }>(
      GRANT,
      { as: 'steward', variables: { input } },
    );
    expect(grantAgreement).toMatchObject({
      id: input.id,
      consumer: t.lender,
      form: 'FULL',
      legalBasisKind: 'LAW',
      specialCategory: false,
      onwardSharing: false,
      licence: null,
      status: 'PROPOSED',
      version: 0,
      inForce: false,
      revokedAt: null,
      changedBy: expect.stringMatching(/^information-system-authority\//),
    });
  });

  it('refuses every management operation to anyone but an administrator', async () => {
    for (const as of ['caseworker', 'citizen', 'public', 'auditor'] as const) {
      const { errors, data } = await t.client.execute(GRANT, {
        as,
        variables: { input: grantInput(t.lender) },
      });
      expect(data).toEqual({ grantAgreement: null });
      expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(errors?.[0]?.message).toContain('reserved to holders of the governance-admin role');
    }
    expect(
      await t.client.error(REVOKE, {
        as: 'caseworker',
        purpose: 'benefit-eligibility',
        variables: { id: 'DSA-SIB-TAX-01', reason: 'no' },
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows who changed an agreement only to administrators', async () => {
    const source = '{ agreement(id: "DSA-SIB-TAX-01") { id changedBy } }';
    expect(await t.client.data(source, { as: 'steward' })).toEqual({
      agreement: { id: 'DSA-SIB-TAX-01', changedBy: 'tax-board/seed' },
    });
    const { data, errors } = await t.client.execute(source, { as: 'public' });
    expect(data).toEqual({ agreement: { id: 'DSA-SIB-TAX-01', changedBy: null } });
    expect(errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });

  it('changes terms, growing the version and keeping an audit trail', async () => {
    const { id } = await t.grant();
    const { changeAgreement } = await t.client.data<{ changeAgreement: unknown }>(CHANGE, {
      as: 'steward',
      variables: {
        id,
        input: { title: 'Income bands, reviewed', reviewDate: null, validUntil: '2029-12-31' },
        reason: 'Annual review',
      },
    });
    expect(changeAgreement).toMatchObject({
      id,
      version: 2,
      title: 'Income bands, reviewed',
      validUntil: '2029-12-31',
      reviewDate: null,
    });
    const suspended = await t.client.data<{ changeAgreement: { status: string; version: number } }>(
      CHANGE,
      { as: 'steward', variables: { id, input: { status: 'SUSPENDED' } } },
    );
    expect(suspended.changeAgreement).toMatchObject({ status: 'SUSPENDED', version: 3 });
    const { agreement } = await t.client.data<{ agreement: { history: unknown[] } }>(HISTORY, {
      as: 'steward',
      variables: { id },
    });
    expect(agreement.history).toEqual([
      {
        version: 1,
        action: 'APPROVED',
        changedTerms: [],
        reason: null,
        changedBy: expect.stringMatching(/^tax-board\//),
      },
      {
        version: 2,
        action: 'CHANGED',
        changedTerms: ['title', 'validUntil', 'reviewDate'],
        reason: 'Annual review',
        changedBy: expect.any(String),
      },
      {
        version: 3,
        action: 'CHANGED',
        changedTerms: ['status'],
        reason: null,
        changedBy: expect.any(String),
      },
    ]);
  });

  it('revokes an agreement for good, with the reason', async () => {
    const { id } = await t.grant();
    const { revokeAgreement } = await t.client.data<{ revokeAgreement: Record<string, unknown> }>(
      REVOKE,
      { as: 'steward', variables: { id, reason: 'The lender stopped lending' } },
    );
    expect(revokeAgreement).toMatchObject({
      id,
      status: 'REVOKED',
      version: 2,
      revokedReason: 'The lender stopped lending',
      revokedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      inForce: false,
    });
    const again = await t.client.error(REVOKE, {
      as: 'steward',
      variables: { id, reason: 'again' },
    });
    expect(again).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('already revoked'),
    });
    const change = await t.client.error(CHANGE, {
      as: 'steward',
      variables: { id, input: { status: 'ACTIVE' } },
    });
    expect(change).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('grant a new agreement'),
    });
  });

  it('answers NOT_FOUND when changing or revoking an unknown agreement', async () => {
    for (const [source, variables] of [
      [CHANGE, { id: 'DSA-NONE-01', input: { title: 'x' } }],
      [REVOKE, { id: 'DSA-NONE-01', reason: 'x' }],
    ] as const) {
      expect(await t.client.error(source, { as: 'steward', variables })).toEqual({
        code: 'NOT_FOUND',
        message: 'No agreement DSA-NONE-01 is in the register',
      });
    }
  });

  it('takes effect in a subgraph policy store within a second, and so does a revocation', async () => {
    const runtime = await createPolicyRuntime({
      db: t.db,
      logger: createLogger('policy-store-test', 'silent'),
    });
    // An organisation of its own, which no other test here grants anything.
    const newcomer = await addTestOrganisation(t.db);
    const asNewcomer: Caller = {
      kind: 'organisation',
      subject: 'credit-check',
      organisation: newcomer.code,
      roles: [],
    };
    const effect = () =>
      runtime
        .forRequest(taxPolicy, asNewcomer, 'loan-application')
        .decision('IncomeAssessment', 'incomeBand').effect;
    const within = async (ms: number, expected: string) => {
      const started = Date.now();
      while (effect() !== expected && Date.now() - started < ms) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(effect()).toBe(expected);
      return Date.now() - started;
    };
    try {
      expect(effect()).toBe('deny');
      const { id } = await t.grant({ consumer: newcomer.code });
      expect(await within(1000, 'allow')).toBeLessThan(1000);
      await t.client.data(REVOKE, { as: 'steward', variables: { id, reason: 'Test revocation' } });
      expect(await within(1000, 'deny')).toBeLessThan(1000);
    } finally {
      await runtime.stop();
      await newcomer.remove();
    }
  });
});
