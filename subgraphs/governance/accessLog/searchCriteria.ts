import type {
  AccessLogCriteria,
  AccessLogFilter,
} from '../../../platform/accessLog/accessLogCriteria';
import type { AccessPosition } from '../../../platform/accessLog/accessPosition';
import { AGENCY_NAMES, isAgencyName } from '../../../platform/agencies';
import { isValidNationalId } from '../../../platform/identity/nationalId';
import { refuseIfProblems } from '../graphql/invalidInput';
import type { AccessLogFilterInput } from './AccessLogFilterInput';

const MAX_TEXT = 200;
const TEXT_CRITERIA = [
  'subject',
  'organisation',
  'callerSubject',
  'purpose',
  'caseId',
  'requestId',
  'agency',
] as const;

/**
 * The criteria of one page of a search, after checking the filter: every problem is named at
 * once. Organisations and purposes are not checked against the register, as records outlive
 * the organisations and purposes they name.
 */
export function searchCriteria(
  input: AccessLogFilterInput,
  page: { first: number; after: AccessPosition | null },
): AccessLogCriteria {
  const problems: string[] = [];
  const filter: AccessLogFilter = {};
  for (const name of TEXT_CRITERIA) {
    const value = input[name];
    if (value === null || value === undefined) continue;
    if (value.length === 0 || value.length > MAX_TEXT) {
      problems.push(`${name} must be between 1 and ${MAX_TEXT} characters`);
    } else filter[name] = value;
  }
  if (filter.subject !== undefined && !isValidNationalId(filter.subject)) {
    problems.push('subject must be an 11-digit national ID with a valid check digit');
  }
  if (filter.agency !== undefined && !isAgencyName(filter.agency)) {
    problems.push(`agency must be one of ${AGENCY_NAMES.join(', ')}`);
  }
  if (input.withoutCaseId != null) {
    filter.withoutCaseId = input.withoutCaseId;
    if (input.withoutCaseId && filter.caseId !== undefined) {
      problems.push('withoutCaseId: true and a caseId cannot both hold');
    }
  }
  if (input.from) filter.from = input.from.toISOString();
  if (input.to) filter.to = input.to.toISOString();
  if (filter.from !== undefined && filter.to !== undefined && filter.from >= filter.to) {
    problems.push('from must be before to');
  }
  refuseIfProblems('Invalid access log filter', problems);
  return { filter, after: page.after, limit: page.first + 1 };
}
