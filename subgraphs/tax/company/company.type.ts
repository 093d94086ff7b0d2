import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The business register's company, as the Tax Board knows it: by registry code only. */
@ObjectType({
  description: 'A company in the business register. The Tax Board adds its tax debt.',
})
@Directive('@key(fields: "registryCode")')
export class Company {
  @Field(() => ID, { description: 'The 8-digit registry code.' })
  registryCode!: string;
}
