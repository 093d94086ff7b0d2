import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';

/** A driving licence issued by the Transport Authority. */
@ObjectType({ description: 'A driving licence issued by the Transport Authority.' })
export class DrivingLicence {
  holderId!: string;

  @Field(() => String, { nullable: true, description: 'The number printed on the licence.' })
  licenceNumber!: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Vehicle categories the licence entitles its holder to drive, such as A, B or C.',
  })
  categories!: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date the licence was issued.' })
  issuedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last date on which the licence is valid.',
  })
  validUntil!: string | null;
}
