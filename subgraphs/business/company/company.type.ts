import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../platform/graphql/scalars';
import { CompanyStatus } from './CompanyStatus';

/** A company in the Business Register, the entity other agencies refer to by registry code. */
@ObjectType({ description: 'A company (legal person) in the Business Register.' })
@Directive('@key(fields: "registryCode")')
export class Company {
  @Field(() => ID, { description: 'The 8-digit registry code.' })
  registryCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Registered business name, including its legal form.',
  })
  name!: string | null;

  @Field(() => CompanyStatus, {
    nullable: true,
    description: 'Where the company stands in the register.',
  })
  status!: CompanyStatus | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the company was entered in the register.',
  })
  founded!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Legal form, such as OÜ (private limited), AS (public limited) or MTÜ (non-profit).',
  })
  legalForm!: string | null;

  @Field(() => String, { nullable: true, description: 'City of the registered seat.' })
  city!: string | null;
}
