import { z } from 'zod';
import { clientError } from '../errors/clientErrors';
import { ErrorCode } from '../errors/ErrorCode';
import type { AccessPosition } from './accessPosition';

/** What an oversight search of the access logs asks for; every criterion narrows it. */
export interface AccessLogFilter {
  subject?: string;
  organisation?: string;
  callerSubject?: string;
  purpose?: string;
  caseId?: string;
  /** true: only accesses without a case reference; false: only those with one. */
  withoutCaseId?: boolean;
  requestId?: string;
  agency?: string;
  /** From this instant (inclusive), RFC 3339 at UTC. */
  from?: string;
  /** Until this instant (exclusive), RFC 3339 at UTC. */
  to?: string;
}

/** One page of a search, as every agency is asked for it: the filter and a keyset window. */
export interface AccessLogCriteria {
  filter: AccessLogFilter;
  /** Only records after this position (the last record of the previous page). */
  after: AccessPosition | null;
  /** How many records each agency returns at most, newest first. */
  limit: number;
}

/** The most records one agency returns for one page of a search. */
export const MAX_SEARCH_LIMIT = 1001;

const text = z.string().min(1).max(200);
const instant = z.iso.datetime();

const criteriaSchema = z.strictObject({
  filter: z.strictObject({
    subject: text.optional(),
    organisation: text.optional(),
    callerSubject: text.optional(),
    purpose: text.optional(),
    caseId: text.optional(),
    withoutCaseId: z.boolean().optional(),
    requestId: text.optional(),
    agency: text.optional(),
    from: instant.optional(),
    to: instant.optional(),
  }),
  after: z
    .strictObject({ accessedAt: instant, agency: text, sequence: z.number().int().min(0) })
    .nullable(),
  limit: z.number().int().min(1).max(MAX_SEARCH_LIMIT),
});

const FILTER_ORDER: (keyof AccessLogFilter)[] = [
  'subject',
  'organisation',
  'callerSubject',
  'purpose',
  'caseId',
  'withoutCaseId',
  'requestId',
  'agency',
  'from',
  'to',
];

/**
 * Writes criteria as canonical JSON (fixed key order, unset criteria left out): the key of an
 * `AccessLogSearch`, so the same search is the same entity in every subgraph.
 */
export function encodeCriteria({ filter, after, limit }: AccessLogCriteria): string {
  const canonical: Record<string, unknown> = {};
  for (const key of FILTER_ORDER) {
    if (filter[key] !== undefined && filter[key] !== null) canonical[key] = filter[key];
  }
  return JSON.stringify({
    filter: canonical,
    after: after && {
      accessedAt: after.accessedAt,
      agency: after.agency,
      sequence: after.sequence,
    },
    limit,
  });
}

/** Reads criteria written by `encodeCriteria`; anything else is a BAD_USER_INPUT naming every problem. */
export function decodeCriteria(key: string): AccessLogCriteria {
  let json: unknown;
  try {
    json = JSON.parse(key);
  } catch {
    throw invalidCriteria(['not JSON']);
  }
  const parsed = criteriaSchema.safeParse(json);
  if (!parsed.success) {
    throw invalidCriteria(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'criteria'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

/** The person a data tracker page is about: its criteria must name exactly one. */
export function trackedSubjectOf({ filter }: AccessLogCriteria): string {
  if (filter.subject === undefined) throw invalidCriteria(['a tracker page names its person']);
  return filter.subject;
}

function invalidCriteria(problems: string[]) {
  return clientError(ErrorCode.BAD_USER_INPUT, `Not an access log search: ${problems.join('; ')}`, {
    problems,
  });
}
