import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Business Register knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Business Register adds the boards they sit on.',
})
@Directive('@key(fields: "nationalId")')
export class Person {
  @Field(() => ID, { description: 'The national identification number (personal code).' })
  nationalId!: string;
}
