import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../platform/graphql/PageInfo';
import { Person } from './person.type';

@ObjectType({ description: 'A page of people.' })
export class PersonConnection {
  @Field(() => [Person], { description: 'The people on this page.' })
  nodes!: Person[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
