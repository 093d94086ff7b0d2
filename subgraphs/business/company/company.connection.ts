import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../platform/graphql/PageInfo';
import { Company } from './company.type';

@ObjectType({ description: 'A page of companies.' })
export class CompanyConnection {
  @Field(() => [Company], { description: 'The companies on this page, in registry code order.' })
  nodes!: Company[];

  @Field(() => PageInfo, { description: 'Where this page ends and whether another follows.' })
  pageInfo!: PageInfo;
}
