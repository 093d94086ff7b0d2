import { agencyStatistics } from '../../../platform/statistics/agencyStatistics';
import { businessStatisticsSource } from './statisticsSource';

/** This agency's part of statistical tables (see platform/statistics/agencyStatistics.ts). */
export const businessStatistics = agencyStatistics(businessStatisticsSource);
