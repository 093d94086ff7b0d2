import { agencyStatistics } from '../../../platform/statistics/agencyStatistics';
import { taxStatisticsSource } from './statisticsSource';

/** This agency's part of statistical tables (see platform/statistics/agencyStatistics.ts). */
export const taxStatistics = agencyStatistics(taxStatisticsSource);
