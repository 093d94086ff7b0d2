import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import { AgreementForm } from '../agreement/AgreementForm';
import { LegalBasisKind } from '../agreement/LegalBasisKind';
import { AccessDecision } from './AccessDecision';

/** An agreement in force under which the caller's organisation could read a field. */
@ObjectType({
  description:
    "An agreement in force under which the caller's organisation could read a field, for one of its purposes.",
})
export class CatalogGrant {
  @Field(() => ID, { description: 'The agreement, by register number.' })
  id!: string;

  @Field(() => String, { description: 'What the agreement shares.' })
  title!: string;

  @Field(() => String, { description: 'The providing agency.' })
  provider!: string;

  @Field(() => [String], { description: 'The purposes to declare (x-purpose) to use it.' })
  purposes!: string[];

  @Field(() => AccessDecision, {
    description: 'What it releases of this field: ALLOWED, MASKED or WITH_CONSENT.',
  })
  decision!: AccessDecision;

  @Field(() => AgreementForm, { description: 'Whether values are released in full or masked.' })
  form!: 'full' | 'masked';

  @Field(() => String, { description: 'The legal basis it rests on.' })
  legalBasis!: string;

  @Field(() => LegalBasisKind, { description: 'The kind of lawful ground.' })
  legalBasisKind!: 'law' | 'public-task' | 'consent' | 'contract';

  @Field(() => String, { description: 'What may and may not be done with the data.' })
  reuseTerms!: string;

  @Field(() => Boolean, { description: 'Whether the data may be passed on.' })
  onwardSharing!: boolean;

  @Field(() => Int, { nullable: true, description: 'How many days the data may be kept.' })
  retentionDays!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day the agreement applies.' })
  validUntil!: string | null;
}
