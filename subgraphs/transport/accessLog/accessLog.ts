import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';

/** The transport agency's part of every person's data tracker and of oversight searches. */
export const transportAccessLog = agencyAccessLog('transport');
