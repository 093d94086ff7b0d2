import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../graphql/DateTimeScalar';
import { AgreementAction } from './AgreementAction';

/** One entry of an agreement's audit trail. */
@ObjectType({ description: 'One change of an agreement, as the register recorded it.' })
export class AgreementChange {
  agreementId!: string;

  @Field(() => Int, { description: 'The version of the agreement this change produced.' })
  version!: number;

  @Field(() => AgreementAction, { description: 'What the change did.' })
  action!: 'granted' | 'approved' | 'changed' | 'revoked';

  @Field(() => [String], {
    description: 'The terms that changed (such as fields or validUntil); empty for a grant.',
  })
  changedTerms!: string[];

  @Field(() => String, { nullable: true, description: 'The reason given, if any.' })
  reason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the change was made.' })
  changedAt!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Who made it (organisation/official); for an approval, the approver. Shown to register officials only.',
  })
  changedBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'For an approval: who proposed what was approved (organisation/official). Shown to register officials only.',
  })
  proposedBy!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'For an approval: when what was approved was proposed.',
  })
  proposedAt!: string | null;
}
