import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { encodeCriteria } from '../../../platform/accessLog/accessLogCriteria';
import { badUserInput } from '../../../platform/errors/clientErrors';
import { DateTimeScalar } from '../../../platform/graphql/DateTimeScalar';
import { pageSize } from '../../../platform/pagination/cursor';
import { decodePosition } from './accessLogPage';
import { DataTrackerPage } from './dataTrackerPage.type';
import { Person } from './person.type';

const MAX_PAGE = 500;

@Resolver(() => Person)
export class DataAccessLogResolver {
  @FieldResolver(() => DataTrackerPage, {
    nullable: true,
    description:
      "Who has used your personal data: every agency's records of releasing it, to which organisation, for what purpose and case, and when, newest first, every one of them, page by page. Only you may read your own; reading it is not itself recorded.",
  })
  dataAccessLog(
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
  ): Pick<DataTrackerPage, 'criteria' | 'subjectId' | 'found'> {
    const limit = pageSize(first, MAX_PAGE);
    if (from && to && from.getTime() >= to.getTime()) {
      throw badUserInput('"from" must be before "to"', 'from');
    }
    // The page is part of the key: each agency returns only this page's window of its log,
    // with from and to applied before paging, so every record is reached, however many.
    const criteria = encodeCriteria({
      filter: {
        subject: person.nationalId,
        ...(from ? { from: from.toISOString() } : {}),
        ...(to ? { to: to.toISOString() } : {}),
      },
      after: after ? decodePosition(after) : null,
      limit: limit + 1,
    });
    return { criteria, subjectId: person.nationalId, found: [] };
  }
}
