import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Transport Authority knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Transport Authority adds their vehicles and driving licence.',
})
@Directive('@key(fields: "nationalId")')
export class Person {
  @Field(() => ID, { description: 'The national identification number (personal code).' })
  nationalId!: string;
}
