import { Arg, Ctx, Directive, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { trackerFieldOf } from '../../../platform/accessLog/accessLogFields';
import { TRACKER_RECORDS_PER_AGENCY } from '../../../platform/accessLog/accessLogLoaders';
import { badUserInput } from '../../../platform/errors/clientErrors';
import { DateTimeScalar } from '../../../platform/graphql/DateTimeScalar';
import { pageSize } from '../../../platform/pagination/cursor';
import type { GovernanceAccessLogContext } from './accessLogContext';
import { decodePosition, pageOfRecords } from './accessLogPage';
import { AccessRecordConnection } from './AccessRecordConnection';
import { Person } from './person.type';
import { requiredLists } from './recordLists';

const MAX_PAGE = 500;

// What a person's tracker shows of each record: the organisation, not who in it (see AccessRecord).
const TRACKER_FIELDS =
  'accessedAt organisation callerKind purpose caseId fields requestId sequence';
// A person reaches this subgraph from the population register, the Transport Authority (a
// vehicle's owner) or the Business Register (a board member); the Tax Board only extends them.
const NEVER_RETURNS_A_PERSON = 'tax';

@Resolver(() => Person)
export class DataAccessLogResolver {
  @FieldResolver(() => AccessRecordConnection, {
    nullable: true,
    description: `Who has used your personal data: every agency's records of releasing it, to which organisation, for what purpose and case, and when, newest first. Covers each agency's ${TRACKER_RECORDS_PER_AGENCY.toLocaleString('en')} most recent accesses by others (and as many of your own reads). Only you may read your own; reading it is not itself recorded.`,
  })
  @Directive(
    `@requires(fields: "${requiredLists(trackerFieldOf, TRACKER_FIELDS, NEVER_RETURNS_A_PERSON)}")`,
  )
  async dataAccessLog(
    @Root() person: Person,
    @Arg('first', () => Int, { defaultValue: 20, description: `Page size, at most ${MAX_PAGE}.` })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Arg('from', () => DateTimeScalar, {
      nullable: true,
      description: 'Only accesses at or after this instant.',
    })
    from: Date | null,
    @Arg('to', () => DateTimeScalar, {
      nullable: true,
      description: 'Only accesses before this instant.',
    })
    to: Date | null,
    @Ctx() { loaders }: GovernanceAccessLogContext,
  ): Promise<AccessRecordConnection> {
    const limit = pageSize(first, MAX_PAGE);
    if (from && to && from.getTime() >= to.getTime()) {
      throw badUserInput('"from" must be before "to"', 'from');
    }
    const position = after ? decodePosition(after) : null;
    const own = await loaders.accessLogBySubject.load(person.nationalId);
    return pageOfRecords([...person.tracked, { agency: 'governance', records: own }], {
      first: limit,
      after: position,
      from: from?.toISOString(),
      to: to?.toISOString(),
    });
  }
}
