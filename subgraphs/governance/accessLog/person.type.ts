import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The population register's person, as the data governance service knows them: by national ID. */
@ObjectType({
  description:
    'A person in the population register. The data governance service adds who has used their data.',
})
@Directive('@key(fields: "id")')
export class Person {
  @Field(() => ID, { name: 'id', description: 'Internal join key: the national ID.' })
  @Directive('@inaccessible')
  nationalId!: string;
}
