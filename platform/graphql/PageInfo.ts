import { Directive, Field, ObjectType } from 'type-graphql';

/** Where a page of a connection ends and whether more follow; shared by every agency. */
@ObjectType({ description: 'Where a page ends and whether another follows.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;

  @Field(() => Boolean, { description: 'True when another page follows this one.' })
  hasNextPage!: boolean;
}

/** Builds the page info of a keyset page that fetched one row more than it returns. */
export function pageInfoOf<T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => string,
): { nodes: T[]; pageInfo: PageInfo } {
  const nodes = rows.slice(0, limit);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    pageInfo: { endCursor: last ? cursorOf(last) : null, hasNextPage: rows.length > limit },
  };
}
