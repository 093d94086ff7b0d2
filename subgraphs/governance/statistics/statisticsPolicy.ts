import {
  joinKey,
  statisticsOperation,
  type TypePolicy,
} from '../../../platform/policy/fieldPolicy';
import { extractFieldOf } from '../../../platform/statistics/extractFields';
import { STATISTICS_AGENCIES } from '../../../platform/statistics/statisticalVariables';

const every = (fields: string[]) =>
  Object.fromEntries(fields.map((field) => [field, statisticsOperation]));

/**
 * Statistical tables: open to organisations with a declared purpose; what they release is
 * decided variable by variable by the agencies holding them, and controlled here.
 */
export const governanceStatisticsTypes: Record<string, TypePolicy> = {
  StatisticalTable: {
    subject: 'none',
    fields: {
      job: joinKey,
      ...every(STATISTICS_AGENCIES.map(extractFieldOf)),
      ...every(['population', 'measure', 'of', 'by', 'cells', 'margins', 'disclosure']),
    },
  },
  StatisticalCell: {
    subject: 'none',
    fields: every(['categories', 'value', 'suppressed', 'reason']),
  },
  StatisticalMargin: {
    subject: 'none',
    fields: every(['dimension', 'category', 'value', 'suppressed', 'reason']),
  },
  SuppressionCount: { subject: 'none', fields: every(['reason', 'cells', 'margins']) },
  NoiseSummary: {
    subject: 'none',
    fields: every([
      'mechanism',
      'epsilon',
      'countSensitivity',
      'countScale',
      'sumSensitivity',
      'sumScale',
    ]),
  },
  PrivacyBudget: {
    subject: 'none',
    fields: every(['organisation', 'purpose', 'epsilonTotal', 'epsilonSpent', 'epsilonRemaining']),
  },
  DisclosureSummary: {
    subject: 'none',
    fields: every([
      'minCellSize',
      'cells',
      'suppressedCells',
      'suppressedMargins',
      'reasons',
      'noise',
      'budget',
      'agreements',
      'rules',
    ]),
  },
};
