import type { DataCatalog } from '../catalog/DataCatalog';
import { parseFieldName } from '../catalog/fieldName';
import type { NewAgreement } from './agreement.repository';
import type { AgreementTerms } from './agreementRow';

type Terms = AgreementTerms & Pick<NewAgreement, 'provider'>;

/** The access log's own types: granted only by name, and always a matter for the controller. */
const ACCESS_LOG_TYPES = new Set(['AccessRecord', 'AccessLogSearch', 'DataTrackerPage']);

function isAccessLogField(type: string, field: string): boolean {
  return (
    ACCESS_LOG_TYPES.has(type) ||
    (type === 'Person' && field === 'dataAccessLog') ||
    (type === 'Query' && field === 'accessLogSearch')
  );
}

/** The concrete fields an agreement names, with `Type.*` spelled out from the catalog. */
function coveredFields(terms: Terms, catalog: DataCatalog): Set<string> {
  const covered = new Set<string>();
  for (const name of terms.fields) {
    const parsed = parseFieldName(name);
    if (!parsed) continue;
    if (parsed.field !== '*') covered.add(name);
    else
      for (const e of catalog.fieldsOf(terms.provider, parsed.type))
        covered.add(`${e.type}.${e.field}`);
  }
  return covered;
}

/** Why an agreement's terms always need the controller, whatever a change does to them. */
function sensitiveGrounds(terms: Terms, catalog: DataCatalog): string[] {
  const fields = [...coveredFields(terms, catalog)];
  const grounds: string[] = [];
  const special = fields.some((name) => {
    const [type, field] = name.split('.') as [string, string];
    return catalog.entry(terms.provider, type, field)?.classification === 'special-category';
  });
  if (terms.specialCategory || special) grounds.push('it covers special-category data');
  if (fields.some((name) => isAccessLogField(...(name.split('.') as [string, string])))) {
    grounds.push('it covers access-log fields');
  }
  return grounds;
}

/** Whether an end date moves later (null: no end). */
const later = (next: string | null, current: string | null) =>
  current !== null && (next === null || next > current);

/** Whether a retention period grows (null: no limit). */
const keptLonger = (current: number | null, next: number | null) =>
  current !== null && (next === null || next > current);

/** What a change does that widens an agreement (or that cannot be told to narrow it). */
function wideningGrounds(current: Terms, next: Terms, catalog: DataCatalog): string[] {
  const grounds: string[] = [];
  const before = coveredFields(current, catalog);
  const added = [...coveredFields(next, catalog)].filter((name) => !before.has(name));
  if (added.length > 0) grounds.push(`it adds fields: ${added.join(', ')}`);
  const purposes = next.purposes.filter((p) => !current.purposes.includes(p));
  if (purposes.length > 0) grounds.push(`it adds purposes: ${purposes.join(', ')}`);
  if (current.form === 'masked' && next.form === 'full')
    grounds.push('it releases full values instead of masked ones');
  if (!current.specialCategory && next.specialCategory)
    grounds.push('it adds special-category data');
  if (current.legalBasisKind !== next.legalBasisKind && next.legalBasisKind !== 'consent') {
    grounds.push(`it rests on ${next.legalBasisKind} instead of ${current.legalBasisKind}`);
  }
  if (current.legalBasis !== next.legalBasis) grounds.push('it changes the legal basis');
  if (current.reuseTerms !== next.reuseTerms) grounds.push('it changes the re-use terms');
  if (current.licence !== next.licence) grounds.push('it changes the licence');
  if (!current.onwardSharing && next.onwardSharing) grounds.push('it allows onward sharing');
  if (keptLonger(current.retentionDays, next.retentionDays)) {
    grounds.push('it lets the data be kept longer');
  }
  if (next.validFrom < current.validFrom) grounds.push('it starts earlier');
  if (later(next.validUntil, current.validUntil)) {
    grounds.push('it runs longer');
  }
  if (current.status !== 'active' && next.status === 'active')
    grounds.push('it resumes the agreement');
  if (next.minCellSize < current.minCellSize)
    grounds.push(
      `it releases smaller statistical cells (minimum cell size ${next.minCellSize} instead of ${current.minCellSize})`,
    );
  return grounds;
}

/**
 * Why an agreement, or a change of one, needs the approval of the providing agency's data
 * controller before it takes effect; empty when it may take effect at once. A new agreement
 * and any widening change need it; so does every change of an agreement that covers
 * special-category data or the access log. Suspending an agreement only stops sharing, so it
 * never waits (nor does revocation, which has its own mutation).
 */
export function approvalGrounds(
  current: Terms | null,
  next: Terms,
  catalog: DataCatalog,
): string[] {
  if (current === null || current.status === 'proposed') return ['it is a new agreement'];
  if (next.status === 'suspended' && current.status === 'active') {
    const others = (Object.keys(next) as (keyof Terms)[]).filter(
      (term) => term !== 'status' && JSON.stringify(next[term]) !== JSON.stringify(current[term]),
    );
    if (others.length === 0) return [];
  }
  const sensitive = new Set([
    ...sensitiveGrounds(current, catalog),
    ...sensitiveGrounds(next, catalog),
  ]);
  return [...wideningGrounds(current, next, catalog), ...sensitive];
}
