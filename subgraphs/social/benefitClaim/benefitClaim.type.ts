import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import { BenefitClaimStatus } from './BenefitClaimStatus';
import { BenefitType } from './BenefitType';

/** One person's claim for one benefit. */
@ObjectType({ description: "A person's claim for a benefit paid by the Social Insurance Board." })
export class BenefitClaim {
  claimantId!: string;

  @Field(() => BenefitType, { nullable: true, description: 'The benefit claimed.' })
  benefit!: BenefitType | null;

  @Field(() => BenefitClaimStatus, { nullable: true, description: 'Where the claim stands.' })
  status!: BenefitClaimStatus | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The amount paid, or claimed, per month, in euros.',
  })
  monthlyAmount!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day the benefit is, or would be, paid for.',
  })
  since!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the benefit is paid for; null while it runs without an end date.',
  })
  until!: string | null;
}
