import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';
import { Person } from '../person/person.type';

/** The business agency's part of every person's data tracker and of oversight searches. */
export const businessAccessLog = agencyAccessLog('business', Person);
