import { extractFieldOf } from '../../../platform/statistics/extractFields';
import { readJob } from '../../../platform/statistics/StatisticsSpec';
import { STATISTICS_AGENCIES } from '../../../platform/statistics/statisticalVariables';
import type { StatisticalTable } from './statisticalTable.type';

/** Resolves a table from its job and the agencies' parts, brought by the gateway. */
export function resolveStatisticalTableReference(
  reference: Record<string, unknown>,
): Pick<StatisticalTable, 'job' | 'extracts'> {
  const job = String(reference.job);
  readJob(job);
  const extracts = new Map(
    STATISTICS_AGENCIES.map((agency) => {
      const value = reference[extractFieldOf(agency)];
      return [agency, typeof value === 'string' ? value : null] as const;
    }),
  );
  return { job, extracts };
}
