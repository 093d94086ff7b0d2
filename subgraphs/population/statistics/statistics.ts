import { agencyStatistics } from '../../../platform/statistics/agencyStatistics';
import { populationStatisticsSource } from './statisticsSource';

/** This agency's part of statistical tables (see platform/statistics/agencyStatistics.ts). */
export const populationStatistics = agencyStatistics(populationStatisticsSource);
