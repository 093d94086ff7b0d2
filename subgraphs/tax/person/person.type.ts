import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Tax Board knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Tax Board adds their income assessments and tax debt.',
})
@Directive('@key(fields: "nationalId")')
export class Person {
  @Field(() => ID, { description: 'The national identification number (personal code).' })
  nationalId!: string;
}
