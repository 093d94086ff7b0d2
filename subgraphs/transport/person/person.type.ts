import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the Transport Authority knows them: by national ID only. */
@ObjectType({
  description:
    'A person in the population register. The Transport Authority adds their vehicles and driving licence.',
})
@Directive('@key(fields: "id")')
export class Person {
  // The join key of the graph; hidden from clients so that policy can withhold `nationalId` itself.
  @Field(() => ID, { name: 'id', description: 'Internal join key: the national ID.' })
  @Directive('@inaccessible')
  nationalId!: string;
}
