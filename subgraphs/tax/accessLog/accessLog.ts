import { agencyAccessLog } from '../../../platform/accessLog/agencyAccessLog';
import { Person } from '../person/person.type';

/** The tax agency's part of every person's data tracker and of oversight searches. */
export const taxAccessLog = agencyAccessLog('tax', Person);
