import type { AgencyNaming } from '../agencyNaming';

/** The sample entity's GraphQL type: two open fields, one about its holder, a hidden subject. */
export function entityTypeFile(n: AgencyNaming): string {
  return `import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** A record in the ${n.title}'s register. */
@ObjectType({ description: "A record in the ${n.title}'s register." })
@Directive('@key(fields: "id")')
export class ${n.entity} {
  @Field(() => ID, { nullable: true, description: "The record's reference, unique in the register." })
  reference!: string;

  // The person the record is about (a national ID): never served, it names the subject for policy.
  holderId!: string;

  @Field(() => String, { nullable: true, description: 'What the record is, in a few words.' })
  title!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the record was issued to its holder.' })
  issuedOn!: string | null;
}
`;
}

/** A page of the sample entity, as every listed register pages (keyset cursors). */
export function entityConnectionFile(n: AgencyNaming): string {
  return `import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../platform/graphql/PageInfo';
import { ${n.entity} } from './record.type';

@ObjectType({ description: "A page of the ${n.title}'s records." })
export class ${n.entity}Connection {
  @Field(() => [${n.entity}], { description: 'The records on this page, in reference order.' })
  nodes!: ${n.entity}[];

  @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
  pageInfo!: PageInfo;
}
`;
}

/** The only place the sample entity's table is read, rows mapped explicitly for both databases. */
export function entityRepositoryFile(n: AgencyNaming): string {
  return `import type { Db } from '../../../platform/db/createDb';
import type { ${n.entity} } from './record.type';

interface RecordRow {
  reference: string;
  holder_id: string;
  title: string;
  issued_on: string;
}

export const RECORD_TABLE = '${n.name}.record';

function toRecord(row: RecordRow): ${n.entity} {
  return {
    reference: row.reference,
    holderId: row.holder_id,
    title: row.title,
    issuedOn: row.issued_on,
  };
}

/** The only place the ${n.title}'s record table is read. */
export class RecordRepository {
  constructor(private readonly db: Db) {}

  async findByReferences(references: readonly string[]): Promise<${n.entity}[]> {
    const rows = await this.db<RecordRow>(RECORD_TABLE).whereRaw('reference = any(?)', [
      Array.from(references),
    ]);
    return rows.map(toRecord);
  }

  /** One page in reference order, one row more than asked to tell whether another page follows. */
  async page(afterReference: string | null, limit: number): Promise<${n.entity}[]> {
    const query = this.db<RecordRow>(RECORD_TABLE)
      .orderBy('reference')
      .limit(limit + 1);
    if (afterReference !== null) query.where('reference', '>', afterReference);
    return (await query).map(toRecord);
  }
}
`;
}

/** Thin resolvers: arguments in, repository or loader out; policy is applied around them. */
export function entityResolverFile(n: AgencyNaming): string {
  return `import { Arg, Ctx, Directive, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { keysetPage } from '../../../platform/pagination/keysetPage';
import type { ${n.pascal}Context } from '../context';
import { ${n.entity}Connection } from './record.connection';
import { ${n.entity} } from './record.type';

const MAX_PAGE = 100;

@Resolver(() => ${n.entity})
export class ${n.entity}Resolver {
  @Query(() => ${n.entity}Connection, {
    nullable: true,
    description: "The ${n.title}'s register, a page at a time, in reference order.",
  })
  ${n.listField}(
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, at most 100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after: string | null,
    @Ctx() { repositories, loaders }: ${n.pascal}Context,
  ): Promise<${n.entity}Connection> {
    return keysetPage({
      first,
      after,
      max: MAX_PAGE,
      fetch: (afterReference, limit) => repositories.records.page(afterReference, limit),
      keyOf: (record) => record.reference,
      prime: (record) => loaders.recordByReference.prime(record.reference, record),
    });
  }

  // Joins on a hidden key, so that the reference itself stays under policy.
  @FieldResolver(() => ID, { description: 'Internal join key: the reference.' })
  @Directive('@inaccessible')
  id(@Root() record: ${n.entity}): string {
    return record.reference;
  }
}
`;
}

/** Resolves the entity's references from other subgraphs through the per-request loader. */
export function entityReferenceFile(n: AgencyNaming): string {
  return `import type { ${n.pascal}Context } from '../context';
import type { ${n.entity} } from './record.type';

/** Resolves \`${n.entity}\` references through the per-request loader: one statement per level. */
export function resolveRecordReference(
  reference: { id: string },
  { loaders }: ${n.pascal}Context,
): Promise<${n.entity} | null> {
  return loaders.recordByReference.load(reference.id);
}
`;
}
