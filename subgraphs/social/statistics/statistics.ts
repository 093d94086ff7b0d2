import { agencyStatistics } from '../../../platform/statistics/agencyStatistics';
import { socialStatisticsSource } from './statisticsSource';

/** This agency's part of statistical tables (see platform/statistics/agencyStatistics.ts). */
export const socialStatistics = agencyStatistics(socialStatisticsSource);
