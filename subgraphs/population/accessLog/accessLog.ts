import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The population agency's part of every person's data tracker and of oversight searches. */
export const populationAccessLog = agencyAccessLog('population');
