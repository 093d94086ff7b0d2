import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The health agency's part of every person's data tracker and of oversight searches. */
export const healthAccessLog = agencyAccessLog('health');
