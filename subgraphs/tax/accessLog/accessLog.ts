import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The tax agency's part of every person's data tracker and of oversight searches. */
export const taxAccessLog = agencyAccessLog('tax');
