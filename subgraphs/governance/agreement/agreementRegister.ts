import { notFound } from '../../../platform/errors/clientErrors';
import { todayUtc } from '../graphql/calendar';
import { invalidInput, refuseIfProblems } from '../graphql/invalidInput';
import type { GovernanceRepositories } from '../repositories';
import type { AgreementDecision, NewAgreement } from './agreement.repository';
import type { Agreement } from './agreement.type';
import type { ChangeAgreementInput, GrantAgreementInput } from './agreementInput';
import { type AgreementTerms, TERM_COLUMNS } from './agreementRow';
import { AgreementStatus } from './AgreementStatus';
import { approvalGrounds } from './approvalGrounds';
import { type Actor, assertMayRevoke } from './duties';
import { agreementProblems, type RegisterFacts, registerNumberProblems } from './validateAgreement';

// Every term a proposal records, so that approving it puts exactly these terms in force.
const REGISTER_TERMS = Object.keys(TERM_COLUMNS) as (keyof AgreementTerms)[];

// Terms every agreement has: a change may replace them but not clear them.
const REQUIRED_TERMS = [
  'title',
  'purposes',
  'fields',
  'form',
  'legalBasis',
  'legalBasisKind',
  'specialCategory',
  'reuseTerms',
  'onwardSharing',
  'validFrom',
  'status',
  'minCellSize',
] as const;

/** What an agreement is checked against now: the catalog, the registers and the calendar. */
export async function registerFacts(repositories: GovernanceRepositories): Promise<RegisterFacts> {
  const [organisations, purposes] = await Promise.all([
    repositories.organisations.findAll(),
    repositories.purposes.findAll(),
  ]);
  return {
    catalog: repositories.catalog,
    organisations: new Set(organisations.map((o) => o.code)),
    purposes: new Set(purposes.map((p) => p.code)),
    today: todayUtc(),
  };
}

function trimmed<T>(value: T): T {
  return (typeof value === 'string' ? value.trim() : value) as T;
}

/**
 * Enters a new agreement in the register as a proposal: it takes no effect until the providing
 * agency's data controller approves it (`approveAgreement`).
 */
export async function grantAgreement(
  repositories: GovernanceRepositories,
  input: GrantAgreementInput,
  author: string,
): Promise<Agreement> {
  const agreement: NewAgreement = {
    id: input.id,
    title: input.title.trim(),
    provider: input.provider,
    consumer: input.consumer,
    purposes: input.purposes,
    fields: input.fields,
    form: input.form,
    legalBasis: input.legalBasis.trim(),
    legalBasisKind: input.legalBasisKind,
    specialCategory: input.specialCategory,
    reuseTerms: input.reuseTerms.trim(),
    onwardSharing: input.onwardSharing,
    retentionDays: input.retentionDays ?? null,
    licence: trimmed(input.licence) || null,
    validFrom: input.validFrom,
    validUntil: input.validUntil ?? null,
    reviewDate: input.reviewDate ?? null,
    status: 'active',
    minCellSize: input.minCellSize,
  };
  const facts = await registerFacts(repositories);
  refuseIfProblems(`Agreement ${input.id} cannot be granted`, [
    ...registerNumberProblems(input.id),
    ...agreementProblems(agreement, facts, true),
  ]);
  const granted = await repositories.agreements.proposeNew(
    agreement,
    {
      terms: termsOf(agreement),
      changedTerms: [],
      grounds: approvalGrounds(null, agreement, facts.catalog),
      reason: null,
    },
    author,
  );
  if (!granted) {
    throw invalidInput(`Agreement ${input.id} cannot be granted`, [
      `${input.id} is already in the register: change it, or choose another register number`,
    ]);
  }
  return granted;
}

/**
 * Replaces some terms of an agreement, or suspends or resumes it. A change that only narrows
 * the agreement takes effect at once (its version grows); one that widens it, or any change of
 * an agreement covering special-category data or the access log, is recorded as a proposal and
 * waits for the providing agency's data controller.
 */
export async function changeAgreement(
  repositories: GovernanceRepositories,
  id: string,
  input: ChangeAgreementInput,
  reason: string | null,
  author: string,
): Promise<Agreement> {
  const facts = await registerFacts(repositories);
  const changed = await repositories.agreements.update(id, author, ({ current }) =>
    decideChange(current, input, reason, facts),
  );
  if (!changed) throw notFound(`No agreement ${id} is in the register`);
  return changed;
}

function decideChange(
  current: Agreement,
  input: ChangeAgreementInput,
  reason: string | null,
  facts: RegisterFacts,
): AgreementDecision {
  const what = `Agreement ${current.id} cannot be changed`;
  if (current.status === AgreementStatus.REVOKED) {
    refuseIfProblems(what, [
      `it was revoked on ${current.revokedAt}; grant a new agreement to share again`,
    ]);
  }
  const problems: string[] = [];
  const given = Object.fromEntries(
    Object.entries(input)
      .filter(([, value]) => value !== undefined)
      .map(([term, value]) => [term, trimmed(value)]),
  ) as Partial<AgreementTerms>;
  for (const term of REQUIRED_TERMS) {
    if (term in given && given[term] === null) problems.push(`${term} cannot be cleared`);
  }
  if (given.status === AgreementStatus.REVOKED) {
    problems.push('status cannot be set to REVOKED here: use revokeAgreement, which records why');
  }
  if (given.status === AgreementStatus.PROPOSED) {
    problems.push(
      'status cannot be set to PROPOSED: a change that needs approval is proposed by itself',
    );
  }
  if (current.status === AgreementStatus.PROPOSED && given.status !== undefined) {
    problems.push('a proposed agreement has no status to change until it is approved');
  }
  if (given.licence === '') given.licence = null;
  const changedTerms = (Object.keys(given) as (keyof AgreementTerms)[]).filter(
    (term) => JSON.stringify(given[term]) !== JSON.stringify(current[term]),
  );
  if (problems.length === 0 && changedTerms.length === 0) {
    problems.push('the input changes nothing');
  }
  refuseIfProblems(what, problems);
  const candidate: NewAgreement = { ...current, ...given };
  refuseIfProblems(what, agreementProblems(candidate, facts, changedTerms.includes('validUntil')));
  const why = trimmed(reason) || null;
  const grounds = approvalGrounds(current, candidate, facts.catalog);
  if (grounds.length > 0) {
    return {
      kind: 'propose',
      proposal: {
        // A new agreement comes into force when approved, whatever it was proposed as.
        terms: {
          ...termsOf(candidate),
          ...(current.status === AgreementStatus.PROPOSED
            ? { status: AgreementStatus.ACTIVE }
            : {}),
        },
        changedTerms,
        grounds,
        reason: why,
      },
    };
  }
  return {
    kind: 'apply',
    update: {
      action: 'changed',
      terms: Object.fromEntries(changedTerms.map((term) => [term, given[term]])),
      changedTerms,
      reason: why,
    },
  };
}

/** Just the terms of an agreement, as a proposal records them. */
function termsOf(agreement: AgreementTerms): AgreementTerms {
  return Object.fromEntries(
    REGISTER_TERMS.map((term) => [term, agreement[term]]),
  ) as unknown as AgreementTerms;
}

/**
 * Terminates an agreement for good: every subgraph stops releasing data under it within a
 * second. One party suffices: a governance administrator or the provider's data controller.
 */
export async function revokeAgreement(
  repositories: GovernanceRepositories,
  id: string,
  reason: string,
  actor: Actor,
): Promise<Agreement> {
  const controllers = await repositories.agreements.controllers();
  const revoked = await repositories.agreements.update(id, actor.author, ({ current }) => {
    assertMayRevoke(actor, current, controllers.get(current.provider) ?? null);
    refuseIfProblems(`Agreement ${id} cannot be revoked`, [
      ...(reason.trim() === '' ? ['reason must say why the agreement is revoked'] : []),
      ...(current.status === AgreementStatus.REVOKED
        ? [`it was already revoked on ${current.revokedAt}`]
        : []),
    ]);
    return {
      kind: 'apply',
      update: {
        action: 'revoked',
        terms: { status: AgreementStatus.REVOKED },
        changedTerms: ['status'],
        reason: reason.trim(),
      },
    };
  });
  if (!revoked) throw notFound(`No agreement ${id} is in the register`);
  return revoked;
}
