import { agencyStatistics } from '../../../platform/statistics/agencyStatistics';
import { transportStatisticsSource } from './statisticsSource';

/** This agency's part of statistical tables (see platform/statistics/agencyStatistics.ts). */
export const transportStatistics = agencyStatistics(transportStatisticsSource);
