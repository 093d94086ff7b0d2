import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import type { Agreement as SharingAgreement } from '../../../platform/policy/agreement';
import { DateTimeScalar } from '../graphql/DateTimeScalar';
import { AgreementForm } from './AgreementForm';
import { AgreementStatus } from './AgreementStatus';
import { LegalBasisKind } from './LegalBasisKind';

/**
 * An agreement as the register holds it: what policy applies, and its register record. Other
 * subgraphs may refer to one by its register number.
 */
@ObjectType({
  description:
    'A data-sharing agreement in the central register: a providing agency lets a consuming organisation read named fields, for named purposes, in a form, under re-use terms, for a period.',
})
@Directive('@key(fields: "id")')
export class Agreement implements SharingAgreement {
  @Field(() => ID, { description: 'The register number, such as DSA-SIB-TAX-01.' })
  id!: string;

  @Field(() => String, { description: 'What the agreement shares, in a few words.' })
  title!: string;

  @Field(() => String, { description: 'The providing agency (its subgraph name, such as tax).' })
  provider!: string;

  @Field(() => String, { description: 'The consuming organisation (its code).' })
  consumer!: string;

  @Field(() => [String], { description: 'The purposes of use (codes) the data may serve.' })
  purposes!: string[];

  @Field(() => [String], {
    description: 'The fields shared: `Type.field`, or `Type.*` for every field of a type.',
  })
  fields!: string[];

  @Field(() => AgreementForm, { description: 'Whether values are released in full or masked.' })
  form!: SharingAgreement['form'];

  @Field(() => String, { description: 'The legal basis, citing the provisions it rests on.' })
  legalBasis!: string;

  @Field(() => LegalBasisKind, { description: 'The kind of lawful ground the agreement rests on.' })
  legalBasisKind!: SharingAgreement['legalBasisKind'];

  @Field(() => Boolean, {
    description:
      'Whether it names an explicit basis for special-category data such as health (GDPR art. 9(2)).',
  })
  specialCategory!: boolean;

  @Field(() => String, { description: 'What the consumer may and may not do with the data.' })
  reuseTerms!: string;

  @Field(() => Boolean, { description: 'Whether the consumer may pass the data on.' })
  onwardSharing!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'How many days the consumer may keep the data; null when the law sets no limit.',
  })
  retentionDays!: number | null;

  @Field(() => String, { nullable: true, description: 'The licence of the data, if any.' })
  licence!: string | null;

  @Field(() => DateScalar, { description: 'First day the agreement applies.' })
  validFrom!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day the agreement applies; null while it runs without an end date.',
  })
  validUntil!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the parties must next review whether the sharing is still needed.',
  })
  reviewDate!: string | null;

  @Field(() => AgreementStatus, { description: 'Where the agreement stands.' })
  status!: SharingAgreement['status'];

  @Field(() => Int, {
    description:
      'The version in force: 0 while a new agreement awaits approval, then grows with every change that takes effect (a superseded proposal uses up its number).',
  })
  version!: number;

  @Field(() => Int, {
    description:
      'The smallest cell of a statistical table released under it: cells of fewer units are suppressed (statistical disclosure control).',
  })
  minCellSize!: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was revoked, if it was.' })
  revokedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was revoked, if it was.' })
  revokedReason!: string | null;

  @Field(() => DateTimeScalar, { description: 'When the register entry last changed.' })
  updatedAt!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Who made the last change (organisation/official); shown to register officials (governance administrators and data controllers) only.',
  })
  changedBy!: string | null;
}
