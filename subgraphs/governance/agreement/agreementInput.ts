import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import { AgreementForm } from './AgreementForm';
import { AgreementStatus } from './AgreementStatus';
import { LegalBasisKind } from './LegalBasisKind';
import { DEFAULT_MIN_CELL_SIZE, MIN_CELL_SIZE_RANGE } from './minCellSize';

@InputType({ description: 'The parties and terms of a new data-sharing agreement.' })
export class GrantAgreementInput {
  @Field(() => ID, {
    description:
      'Its register number: capital letters, digits and hyphens, such as DSA-SIB-TAX-02.',
  })
  id!: string;

  @Field(() => String, { description: 'What it shares, in a few words.' })
  title!: string;

  @Field(() => String, { description: 'The providing agency, by subgraph name (such as tax).' })
  provider!: string;

  @Field(() => String, { description: 'The consuming organisation, by code.' })
  consumer!: string;

  @Field(() => [String], { description: 'The purposes (codes) it serves.' })
  purposes!: string[];

  @Field(() => [String], {
    description: "Fields of the provider's catalog: `Type.field`, or `Type.*` for a whole type.",
  })
  fields!: string[];

  @Field(() => AgreementForm, { defaultValue: AgreementForm.FULL })
  form!: AgreementForm;

  @Field(() => String, { description: 'The legal basis, citing the provisions it rests on.' })
  legalBasis!: string;

  @Field(() => LegalBasisKind)
  legalBasisKind!: LegalBasisKind;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Set when the legal basis explicitly covers special-category data.',
  })
  specialCategory!: boolean;

  @Field(() => String, { description: 'What the consumer may and may not do with the data.' })
  reuseTerms!: string;

  @Field(() => Boolean, { defaultValue: false })
  onwardSharing!: boolean;

  @Field(() => Int, { nullable: true, description: 'How many days the data may be kept.' })
  retentionDays?: number | null;

  @Field(() => String, { nullable: true })
  licence?: string | null;

  @Field(() => DateScalar)
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  validUntil?: string | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;

  @Field(() => Int, {
    defaultValue: DEFAULT_MIN_CELL_SIZE,
    description: `The smallest cell of a statistical table released under it (${MIN_CELL_SIZE_RANGE.min} to ${MIN_CELL_SIZE_RANGE.max}): cells of fewer units are suppressed.`,
  })
  minCellSize!: number;
}

@InputType({
  description:
    'New terms for an agreement; what is left out stays as it is, and null clears an optional term.',
})
export class ChangeAgreementInput {
  @Field(() => String, { nullable: true })
  title?: string;

  @Field(() => [String], { nullable: true })
  purposes?: string[];

  @Field(() => [String], { nullable: true })
  fields?: string[];

  @Field(() => AgreementForm, { nullable: true })
  form?: AgreementForm;

  @Field(() => String, { nullable: true })
  legalBasis?: string;

  @Field(() => LegalBasisKind, { nullable: true })
  legalBasisKind?: LegalBasisKind;

  @Field(() => Boolean, { nullable: true })
  specialCategory?: boolean;

  @Field(() => String, { nullable: true })
  reuseTerms?: string;

  @Field(() => Boolean, { nullable: true })
  onwardSharing?: boolean;

  @Field(() => Int, { nullable: true })
  retentionDays?: number | null;

  @Field(() => String, { nullable: true })
  licence?: string | null;

  @Field(() => DateScalar, { nullable: true })
  validFrom?: string;

  @Field(() => DateScalar, { nullable: true })
  validUntil?: string | null;

  @Field(() => DateScalar, { nullable: true })
  reviewDate?: string | null;

  @Field(() => AgreementStatus, {
    nullable: true,
    description: 'ACTIVE to resume a suspended agreement, SUSPENDED to suspend it.',
  })
  status?: AgreementStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'A new minimum cell size: raising it applies at once, lowering it waits for approval.',
  })
  minCellSize?: number;
}
