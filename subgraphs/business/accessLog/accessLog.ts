import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The business agency's part of every person's data tracker and of oversight searches. */
export const businessAccessLog = agencyAccessLog('business');
