import { businessStatistics } from './statistics/statistics';
import { accessLogTypes } from '../../platform/accessLog/accessLogPolicy';
import { defineFieldPolicy, joinKey, personal } from '../../platform/policy/fieldPolicy';

/**
 * How sensitive each field of the business register is. Company data and the names of board
 * members are public by law; which boards a given person sits on, read from the person, is personal.
 */
export const businessPolicy = defineFieldPolicy('business', {
  Query: { subject: 'none', fields: { company: 'public', companies: 'public' } },
  Company: {
    subject: 'none',
    fields: {
      registryCode: 'public',
      name: 'public',
      status: 'public',
      founded: 'public',
      legalForm: 'public',
      city: 'public',
      // Who sits on a board is public by law: following them to their data needs the right to identify them.
      boardMembers: { classification: 'public', identifiedOnly: true, maxItems: 50 },
      boardSeats: { classification: 'public', maxItems: 50 },
    },
  },
  BoardSeat: {
    subject: { property: 'subjectId' },
    fields: {
      person: { classification: 'public', identifiedOnly: true, leadsTo: 'same-subject' },
      name: { classification: 'public', identifying: true },
      role: 'public',
      since: 'public',
    },
  },
  Person: {
    subject: { property: 'nationalId' },
    fields: { id: joinKey, boardMemberships: personal({ maxItems: 20 }) },
  },
  CompanyConnection: { subject: 'none', fields: { nodes: 'public', pageInfo: 'public' } },
  PageInfo: { subject: 'none', fields: { endCursor: 'public', hasNextPage: 'public' } },
  ...accessLogTypes('business'),
  ...businessStatistics.policyTypes,
});
