import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Social Insurance Board knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Social Insurance Board adds their benefit claims.',
})
@Directive('@key(fields: "nationalId")')
export class Person {
  @Field(() => ID, { description: 'The national identification number (personal code).' })
  nationalId!: string;
}
