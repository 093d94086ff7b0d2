import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import type { Agreement as SharingAgreement } from '../../../platform/policy/agreement';
import { DateTimeScalar } from '../graphql/DateTimeScalar';
import { AgreementForm } from './AgreementForm';
import type { AgreementTerms } from './agreementRow';
import { AgreementStatus } from './AgreementStatus';
import { LegalBasisKind } from './LegalBasisKind';
import { ProposalState } from './ProposalState';

/** The terms a proposal would put in force, as the approver is asked to approve them. */
@ObjectType('ProposedTerms', {
  description: 'The terms an agreement would have once a proposal is approved.',
})
export class ProposedTerms implements AgreementTerms {
  @Field(() => String, { description: 'As Agreement.title will be once approved.' }) title!: string;
  @Field(() => [String], { description: 'As Agreement.purposes will be once approved.' })
  purposes!: string[];
  @Field(() => [String], { description: 'As Agreement.fields will be once approved.' })
  fields!: string[];
  @Field(() => AgreementForm, { description: 'As Agreement.form will be once approved.' })
  form!: SharingAgreement['form'];
  @Field(() => String, { description: 'As Agreement.legalBasis will be once approved.' })
  legalBasis!: string;
  @Field(() => LegalBasisKind, {
    description: 'As Agreement.legalBasisKind will be once approved.',
  })
  legalBasisKind!: SharingAgreement['legalBasisKind'];
  @Field(() => Boolean, { description: 'As Agreement.specialCategory will be once approved.' })
  specialCategory!: boolean;
  @Field(() => String, { description: 'As Agreement.reuseTerms will be once approved.' })
  reuseTerms!: string;
  @Field(() => Boolean, { description: 'As Agreement.onwardSharing will be once approved.' })
  onwardSharing!: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'As Agreement.retentionDays will be once approved.',
  })
  retentionDays!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'As Agreement.licence will be once approved.',
  })
  licence!: string | null;
  @Field(() => DateScalar, { description: 'As Agreement.validFrom will be once approved.' })
  validFrom!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'As Agreement.validUntil will be once approved.',
  })
  validUntil!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'As Agreement.reviewDate will be once approved.',
  })
  reviewDate!: string | null;
  @Field(() => AgreementStatus, { description: 'As Agreement.status will be once approved.' })
  status!: SharingAgreement['status'];
  @Field(() => Int, { description: 'As Agreement.minCellSize will be once approved.' })
  minCellSize!: number;
}

/** A new agreement or a widening change, waiting for the providing agency's data controller. */
@ObjectType({
  description:
    "A proposed agreement or change of one: it takes no effect until the providing agency's data controller approves it with approveAgreement(id, version).",
})
export class AgreementProposal {
  agreementId!: string;

  @Field(() => Int, {
    description:
      'The version the agreement takes when this proposal is approved; pass it to approveAgreement.',
  })
  version!: number;

  @Field(() => Int, {
    description: 'The version in force when it was proposed (0: a new agreement).',
  })
  baseVersion!: number;

  @Field(() => ProposalState)
  state!: ProposalState;

  @Field(() => ProposedTerms, { description: 'Every term the agreement would have.' })
  terms!: ProposedTerms;

  @Field(() => [String], { description: 'The terms it changes; empty for a new agreement.' })
  changedTerms!: string[];

  @Field(() => [String], {
    description: 'Why it needs the data controller\'s approval, such as "it adds purposes: …".',
  })
  grounds!: string[];

  @Field(() => String, { nullable: true, description: 'The reason given, if any.' })
  reason!: string | null;

  @Field(() => DateTimeScalar)
  proposedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Who proposed it (organisation/official); shown to register officials only.',
  })
  proposedBy!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When it was approved or superseded.',
  })
  decidedAt!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who approved it, or whose change superseded it (organisation/official); shown to register officials only.',
  })
  decidedBy!: string | null;
}
