import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The social agency's part of every person's data tracker and of oversight searches. */
export const socialAccessLog = agencyAccessLog('social');
