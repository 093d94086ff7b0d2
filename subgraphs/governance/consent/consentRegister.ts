import { notFound } from '../../../platform/errors/clientErrors';
import { refuseIfProblems } from '../graphql/invalidInput';
import type { GovernanceRepositories } from '../repositories';
import type { Consent } from './consent.type';
import type { GrantConsentInput } from './consentInput';
import { consentProblems } from './validateConsent';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records a person's consent, once it is checked to be one that policy can honour. */
export async function grantConsent(
  repositories: GovernanceRepositories,
  subjectId: string,
  input: GrantConsentInput,
): Promise<Consent> {
  const [organisations, purposes, agreements] = await Promise.all([
    repositories.organisations.findAll(),
    repositories.purposes.findAll(),
    repositories.agreements.findAll({ consumer: input.organisation }),
  ]);
  refuseIfProblems(
    'The consent cannot be given',
    consentProblems(input, {
      organisations: new Map(organisations.map((o) => [o.code, o.name])),
      purposes: new Set(purposes.map((p) => p.code)),
      agreements,
      now: new Date(),
    }),
  );
  return repositories.consents.insert({
    subjectId,
    organisation: input.organisation,
    purpose: input.purpose,
    fields: input.fields,
    expiresAt: input.expiresAt,
    dataLifeDays: input.dataLifeDays ?? null,
  });
}

/** Withdraws one of the person's own consents; anyone else's is as good as absent. */
export async function withdrawConsent(
  repositories: GovernanceRepositories,
  subjectId: string,
  id: string,
): Promise<Consent> {
  const missing = () => notFound(`You have given no consent ${id}`);
  if (!UUID.test(id)) throw missing();
  const withdrawn = await repositories.consents.withdraw(id, subjectId);
  if (withdrawn) return withdrawn;
  const existing = await repositories.consents.findOwn(id, subjectId);
  if (!existing) throw missing();
  refuseIfProblems(`Consent ${id} cannot be withdrawn`, [
    `it was already withdrawn on ${existing.withdrawnAt}`,
  ]);
  return existing;
}
