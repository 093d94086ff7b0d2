import type { GraphQLError } from 'graphql';
import { clientError, forbidden } from '../../../platform/errors/clientErrors';
import { ErrorCode } from '../../../platform/errors/ErrorCode';
import { secureUniform } from '../../../platform/statistics/disclosure/laplaceNoise';
import type {
  ExtractCell,
  StatisticsExtract,
} from '../../../platform/statistics/StatisticsExtract';
import { isSingleAgency, readJob } from '../../../platform/statistics/StatisticsSpec';
import type { StatisticsAgency } from '../../../platform/statistics/statisticalVariables';
import { AGENCIES } from '../../../platform/agencies';
import type { GovernanceContext } from '../context';
import type { DisclosureEntry } from './disclosureLedger';
import type { StatisticsRecord } from './statistics.repository';
import { joinExtracts } from './joinExtracts';
import { releaseTable, type ReleasedTable } from './releaseTable';
import { SuppressionReason } from './statisticsEnums';

type ContributedExtract = StatisticsExtract & { minCellSize?: number; agreements?: string[] };

/** Why a table was refused, as the statistics log records it (besides PRIVACY_BUDGET_EXHAUSTED). */
export const REFUSALS = {
  /** An agency holding a variable sent no part (its field failed or was withheld). */
  partWithheld: 'PART_WITHHELD',
  /** An agency refused its part: no agreement grants one of its variables. */
  grantMissing: 'GRANT_MISSING',
  /** An agency was computing as many tables as it takes at once. */
  agencyBusy: 'AGENCY_BUSY',
} as const;

export interface ComputedTable {
  released: ReleasedTable;
  summary: DisclosureEntry;
}

/**
 * Computes one table from what the agencies contributed: every agency holding a variable must
 * have released its part (else nothing is released); cells from the one agency holding all, or
 * the join of the pseudonymous extracts; disclosure control at the largest minimum cell size of
 * the agreements used; then the budget is debited and the request recorded (one record, in one
 * transaction) before anything is released. A table refused to an organisation for a declared
 * purpose is recorded too, with the reason.
 */
export async function computeTable(
  job: string,
  extracts: ReadonlyMap<StatisticsAgency, string | null>,
  context: GovernanceContext,
): Promise<ComputedTable> {
  const { resolved } = readJob(job);
  const { caller, purpose } = context;
  if (caller.kind !== 'organisation' || !purpose)
    throw forbidden(
      'Access denied: statistics are released to organisations for a declared purpose',
    );
  const { spec } = resolved;
  const record: StatisticsRecord = {
    requestId: context.requestId,
    organisation: caller.organisation,
    callerSubject: caller.subject,
    purpose,
    caseId: context.caseId,
    population: spec.population,
    measure: spec.measure,
    numericVariable: spec.of,
    dimensions: spec.by,
    epsilon: spec.epsilon,
    cells: 0,
    suppressed: 0,
  };
  /** Records the refusal, then gives back the error that refuses the table. */
  const refuse = async (refusal: string, error: GraphQLError) => {
    await context.repositories.statistics.recordRefusal(record, refusal);
    return error;
  };
  const denied = (message: string, agency: StatisticsAgency) =>
    forbidden(message, { agency, organisation: caller.organisation, purpose });
  const parts = new Map<StatisticsAgency, ContributedExtract>();
  for (const agency of resolved.agencies) {
    const text = extracts.get(agency);
    if (typeof text !== 'string')
      throw await refuse(
        REFUSALS.partWithheld,
        denied(
          `Access denied: the ${AGENCIES[agency].title} did not release its part of this table, so nothing of it is released`,
          agency,
        ),
      );
    const part = JSON.parse(text) as ContributedExtract;
    if (part.mode === 'refused')
      throw await refuse(REFUSALS.grantMissing, denied(part.reason, agency));
    if (part.mode === 'busy')
      throw await refuse(
        REFUSALS.agencyBusy,
        clientError(
          ErrorCode.RATE_LIMITED,
          `The ${AGENCIES[agency].title} is computing as many tables as it takes at once (${part.reason}); ask again in a moment`,
          { agency },
        ),
      );
    parts.set(agency, part);
  }
  const minCellSize = Math.max(...[...parts.values()].map((part) => part.minCellSize ?? 0));
  const agreements = [
    ...new Set([...parts.values()].flatMap((part) => part.agreements ?? [])),
  ].sort();
  const cells: ExtractCell[] = isSingleAgency(resolved)
    ? cellsOf(parts.get([...resolved.agencies][0]!)!)
    : joinExtracts(resolved, parts);
  const released = releaseTable(resolved, cells, {
    minCellSize,
    epsilon: resolved.spec.epsilon,
    uniform: secureUniform,
  });
  const budget = await context.repositories.statistics.debitAndRecord({
    ...record,
    cells: released.cells.length,
    suppressed: released.suppressedCells,
  });
  const summary: DisclosureEntry = {
    population: spec.population,
    measure: spec.measure,
    of: spec.of,
    by: spec.by,
    minCellSize,
    cells: released.cells.length,
    suppressedCells: released.suppressedCells,
    suppressedMargins: released.suppressedMargins,
    reasons: released.reasons.map((r) => ({ ...r, reason: SuppressionReason[r.reason] })),
    noise: released.noise,
    budget,
    agreements,
    rules: rulesOf(minCellSize, released, resolved.numeric !== null),
  };
  context.loaders.disclosure.entries.push(summary);
  return { released, summary };
}

function cellsOf(extract: ContributedExtract): ExtractCell[] {
  if (extract.mode !== 'cells') throw new Error('the agency holding every variable sent no cells');
  return extract.cells;
}

function rulesOf(k: number, released: ReleasedTable, measured: boolean): string[] {
  const rules = [
    `cells of 1 to ${k - 1} units are withheld (minimum cell size ${k})`,
    ...(measured
      ? [
          `a sum or mean is withheld when fewer than ${k} units have a value, or one unit contributes more than 85% of it`,
        ]
      : []),
    'a cell is withheld when the same cell of an enclosing population holds 1 to ' +
      `${k - 1} more units (differencing)`,
    'further values are withheld until no withheld value can be worked out from the released totals',
  ];
  if (released.noise)
    rules.push(
      `Laplace noise at epsilon ${released.noise.epsilon} on every cell; totals are sums of the noisy cells`,
    );
  return rules;
}
