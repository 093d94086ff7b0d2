import { coversField, isInForce } from '../../../platform/policy/agreement';
import type { Agreement } from '../agreement/agreement.type';
import { parseFieldName } from '../catalog/fieldName';
import { duplicatesIn } from '../graphql/invalidInput';
import type { GrantConsentInput } from './consentInput';

/** What a consent is checked against. */
export interface ConsentFacts {
  /** Organisation names by code. */
  organisations: ReadonlyMap<string, string>;
  purposes: ReadonlySet<string>;
  /** The agreements of the organisation the consent is given to. */
  agreements: readonly Agreement[];
  now: Date;
}

/**
 * Every problem with a consent. A consent releases data only through an agreement in force that
 * rests on consent, for the same organisation and purpose, and covers the fields; a consent no
 * such agreement could honour would mislead the person, so it is refused, as is one that
 * outlives its agreement or lets data be kept longer than the agreement does.
 */
export function consentProblems(input: GrantConsentInput, facts: ConsentFacts): string[] {
  const problems = requestProblems(input, facts);
  const name = facts.organisations.get(input.organisation);
  return problems.length > 0 || name === undefined ? problems : termProblems(input, name, facts);
}

function requestProblems(input: GrantConsentInput, facts: ConsentFacts): string[] {
  const { organisation, purpose, fields, expiresAt, dataLifeDays } = input;
  const problems: string[] = [];
  if (!facts.organisations.has(organisation)) {
    problems.push(`organisation "${organisation}" is not registered (see Query.organisations)`);
  }
  if (!facts.purposes.has(purpose)) {
    problems.push(`purpose "${purpose}" is not a registered purpose (see Query.purposes)`);
  }
  if (fields.length === 0) problems.push('fields must name at least one field');
  for (const field of duplicatesIn(fields)) problems.push(`fields list ${field} twice`);
  if (expiresAt.getTime() <= facts.now.getTime()) problems.push('expiresAt must be in the future');
  if (dataLifeDays != null && (!Number.isInteger(dataLifeDays) || dataLifeDays < 1)) {
    problems.push('dataLifeDays must be at least 1');
  }
  return problems;
}

function termProblems(input: GrantConsentInput, name: string, facts: ConsentFacts): string[] {
  const { organisation, purpose, fields, expiresAt, dataLifeDays } = input;
  const today = facts.now.toISOString().slice(0, 10);
  const bases = facts.agreements.filter(
    (a) =>
      a.consumer === organisation &&
      a.legalBasisKind === 'consent' &&
      a.purposes.includes(purpose) &&
      isInForce(a, today),
  );
  if (bases.length === 0) {
    return [
      `${name} has no agreement in force that rests on consent for ${purpose}, so a consent would release nothing`,
    ];
  }
  const problems: string[] = [];
  const used = new Set<Agreement>();
  for (const field of fields) {
    const parsed = parseFieldName(field);
    const covering = parsed ? bases.filter((a) => coversField(a, parsed.type, parsed.field)) : [];
    if (covering.length === 0) {
      const ids = bases.map((a) => a.id).join(', ');
      problems.push(
        `no agreement resting on consent lets ${name} read ${field} for ${purpose} (its agreements: ${ids})`,
      );
    }
    covering.forEach((a) => used.add(a));
  }
  const expiryDay = expiresAt.toISOString().slice(0, 10);
  for (const { id, validUntil, retentionDays } of used) {
    if (validUntil !== null && expiryDay > validUntil) {
      problems.push(`expiresAt is after agreement ${id} ends on ${validUntil}`);
    }
    if (dataLifeDays != null && retentionDays !== null && dataLifeDays > retentionDays) {
      problems.push(`dataLifeDays may be at most ${retentionDays}, as agreement ${id} allows`);
    }
  }
  return problems;
}
