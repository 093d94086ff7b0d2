import type { CatalogEntry, DataCatalog } from '../catalog/DataCatalog';
import { parseFieldName } from '../catalog/fieldName';
import { duplicatesIn } from '../graphql/invalidInput';
import type { NewAgreement } from './agreement.repository';
import { MIN_CELL_SIZE_RANGE } from './minCellSize';

/** What an agreement is checked against: the catalog, the registers and the calendar. */
export interface RegisterFacts {
  catalog: DataCatalog;
  organisations: ReadonlySet<string>;
  purposes: ReadonlySet<string>;
  /** YYYY-MM-DD */
  today: string;
}

const REGISTER_NUMBER = /^[A-Z0-9]+(-[A-Z0-9]+)+$/;
const MAX_DAYS = 36_500;

/** Every problem with an agreement's id; empty when it may be entered. */
export function registerNumberProblems(id: string): string[] {
  return REGISTER_NUMBER.test(id) && id.length <= 64
    ? []
    : [
        `id "${id}" is not a register number: use capital letters, digits and hyphens, such as DSA-SIB-TAX-02`,
      ];
}

/**
 * Every problem with an agreement's parties and terms, so that the register only holds
 * agreements policy can apply as written. `newValidUntil` says whether the end date is being
 * set now (an end date already in the register may lie in the past).
 */
export function agreementProblems(
  agreement: NewAgreement,
  facts: RegisterFacts,
  newValidUntil: boolean,
): string[] {
  const problems: string[] = [];
  for (const [term, limit] of [
    ['title', 200],
    ['legalBasis', 500],
    ['reuseTerms', 2000],
  ] as const) {
    if (agreement[term].trim() === '') problems.push(`${term} must not be empty`);
    if (agreement[term].length > limit) problems.push(`${term} is longer than ${limit} characters`);
  }
  const agencies = facts.catalog.agencies();
  const knownProvider = agencies.includes(agreement.provider);
  if (!knownProvider) {
    problems.push(
      `provider "${agreement.provider}" is not an agency of the graph (${agencies.join(', ')})`,
    );
  }
  if (!facts.organisations.has(agreement.consumer)) {
    problems.push(
      `consumer "${agreement.consumer}" is not a registered organisation (see Query.organisations)`,
    );
  }
  problems.push(...purposeProblems(agreement.purposes, facts.purposes));
  if (knownProvider) problems.push(...fieldProblems(agreement, facts.catalog));
  problems.push(...periodProblems(agreement, facts.today, newValidUntil));
  if (
    agreement.retentionDays !== null &&
    (!Number.isInteger(agreement.retentionDays) ||
      agreement.retentionDays < 1 ||
      agreement.retentionDays > MAX_DAYS)
  ) {
    problems.push(`retentionDays must be between 1 and ${MAX_DAYS}`);
  }
  const { min, max } = MIN_CELL_SIZE_RANGE;
  if (
    !Number.isInteger(agreement.minCellSize) ||
    agreement.minCellSize < min ||
    agreement.minCellSize > max
  )
    problems.push(
      `minCellSize must be a whole number from ${min} to ${max}: smaller cells could single people out`,
    );
  return problems;
}

function purposeProblems(purposes: string[], known: ReadonlySet<string>): string[] {
  if (purposes.length === 0) return ['purposes must name at least one purpose'];
  const problems = purposes
    .filter((code) => !known.has(code))
    .map((code) => `purpose "${code}" is not a registered purpose (see Query.purposes)`);
  for (const code of duplicatesIn(purposes)) problems.push(`purposes list "${code}" twice`);
  return problems;
}

function fieldProblems(agreement: NewAgreement, catalog: DataCatalog): string[] {
  const { provider, fields } = agreement;
  if (fields.length === 0) return ['fields must name at least one field'];
  const problems: string[] = [];
  const covered: CatalogEntry[] = [];
  for (const name of fields) {
    const parsed = parseFieldName(name);
    if (!parsed) {
      problems.push(`"${name}" is not a field name: write Type.field, or Type.* for a whole type`);
      continue;
    }
    const entries =
      parsed.field === '*'
        ? catalog.fieldsOf(provider, parsed.type)
        : [catalog.entry(provider, parsed.type, parsed.field)].filter((e) => e !== undefined);
    if (entries.length === 0) {
      problems.push(`${name} is not in the ${provider} catalog (see Query.dataCatalog)`);
      continue;
    }
    if (entries.every((e) => e.reservedTo !== null)) {
      problems.push(`${name} is an operation reserved to some callers: no agreement can grant it`);
    }
    const releasable = entries.some((e) => e.maskedForm !== null || e.classification === 'public');
    if (agreement.form === 'masked' && !releasable) {
      problems.push(
        `${name} has no masked form, so an agreement of form MASKED would release nothing of it`,
      );
    }
    covered.push(...entries);
  }
  for (const name of duplicatesIn(fields)) problems.push(`fields list ${name} twice`);
  const special = covered.filter((e) => e.classification === 'special-category');
  if (special.length > 0 && !agreement.specialCategory && agreement.legalBasisKind !== 'consent') {
    const names = [...new Set(special.map((e) => `${e.type}.${e.field}`))].join(', ');
    problems.push(
      `${names} ${special.length === 1 ? 'is' : 'are'} special-category data (GDPR art. 9): set specialCategory with a legal basis that explicitly covers it, or rest the agreement on consent`,
    );
  }
  return problems;
}

function periodProblems(agreement: NewAgreement, today: string, newValidUntil: boolean): string[] {
  const { validFrom, validUntil, reviewDate } = agreement;
  const problems: string[] = [];
  if (validUntil !== null && validUntil < validFrom) {
    problems.push(`validUntil ${validUntil} is before validFrom ${validFrom}`);
  }
  if (validUntil !== null && newValidUntil && validUntil < today) {
    problems.push(`validUntil ${validUntil} is in the past; revoke an agreement to end it now`);
  }
  if (reviewDate !== null && reviewDate < validFrom) {
    problems.push(`reviewDate ${reviewDate} is before validFrom ${validFrom}`);
  }
  if (reviewDate !== null && validUntil !== null && reviewDate > validUntil) {
    problems.push(`reviewDate ${reviewDate} is after validUntil ${validUntil}`);
  }
  return problems;
}
