import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Health Board knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Health Board adds their vaccinations and family doctor.',
})
@Directive('@key(fields: "nationalId")')
export class Person {
  @Field(() => ID, { description: 'The national identification number (personal code).' })
  nationalId!: string;
}
