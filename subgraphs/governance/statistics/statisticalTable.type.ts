import { Directive, Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import {
  extractFieldOf,
  STATISTICAL_TABLE_DESCRIPTION,
} from '../../../platform/statistics/extractFields';
import {
  STATISTICS_AGENCIES,
  type StatisticsAgency,
} from '../../../platform/statistics/statisticalVariables';
import { AGENCIES } from '../../../platform/agencies';
import { DimensionEnum, SuppressionReason } from './statisticsEnums';

@ObjectType({ description: 'One cell of a statistical table.' })
export class StatisticalCell {
  @Field(() => [String], { description: 'Its category in each dimension, in the order asked.' })
  categories!: string[];

  @Field(() => Float, { nullable: true, description: 'Its value; null when withheld.' })
  value!: number | null;

  @Field(() => Boolean, { description: 'Whether its value is withheld.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why it is withheld.' })
  reason!: SuppressionReason | null;
}

@ObjectType({ description: 'A total of a statistical table: of one category, or of everything.' })
export class StatisticalMargin {
  @Field(() => DimensionEnum, {
    nullable: true,
    description: 'Its dimension; null for the grand total.',
  })
  dimension!: string | null;

  @Field(() => String, { nullable: true, description: 'Its category; null for the grand total.' })
  category!: string | null;

  @Field(() => Float, { nullable: true, description: 'Its value; null when withheld.' })
  value!: number | null;

  @Field(() => Boolean, { description: 'Whether its value is withheld.' })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: 'Why it is withheld.' })
  reason!: SuppressionReason | null;
}

@ObjectType({ description: 'How many values were withheld for one reason.' })
export class SuppressionCount {
  @Field(() => SuppressionReason)
  reason!: SuppressionReason;

  @Field(() => Int)
  cells!: number;

  @Field(() => Int)
  margins!: number;
}

@ObjectType({
  description: 'The noise added to a table (differential privacy, Laplace mechanism).',
})
export class NoiseSummary {
  @Field(() => String, { description: 'LAPLACE.' })
  mechanism!: string;

  @Field(() => Float, { description: 'The privacy loss of this table, debited from the budget.' })
  epsilon!: number;

  @Field(() => Float, { description: 'How much one person can change a count.' })
  countSensitivity!: number;

  @Field(() => Float, { description: 'The scale of the noise on counts.' })
  countScale!: number;

  @Field(() => Float, {
    nullable: true,
    description: "How much one person can change a sum (the variable's bound).",
  })
  sumSensitivity!: number | null;

  @Field(() => Float, { nullable: true, description: 'The scale of the noise on sums.' })
  sumScale!: number | null;
}

@ObjectType({ description: "An organisation's privacy budget for one purpose, after this table." })
export class PrivacyBudget {
  @Field(() => String)
  organisation!: string;

  @Field(() => String)
  purpose!: string;

  @Field(() => Float)
  epsilonTotal!: number;

  @Field(() => Float)
  epsilonSpent!: number;

  @Field(() => Float)
  epsilonRemaining!: number;
}

@ObjectType({ description: 'What disclosure control did to a table, and why.' })
export class DisclosureSummary {
  @Field(() => Int, { description: 'Cells of fewer units are withheld (from the agreements).' })
  minCellSize!: number;

  @Field(() => Int)
  cells!: number;

  @Field(() => Int)
  suppressedCells!: number;

  @Field(() => Int)
  suppressedMargins!: number;

  @Field(() => [SuppressionCount])
  reasons!: SuppressionCount[];

  @Field(() => NoiseSummary, { nullable: true, description: 'Null when no noise was asked for.' })
  noise!: NoiseSummary | null;

  @Field(() => PrivacyBudget, { nullable: true, description: 'Null when no noise was asked for.' })
  budget!: PrivacyBudget | null;

  @Field(() => [String], { description: 'The agreements the variables were released under.' })
  agreements!: string[];

  @Field(() => [String], { description: 'The rules applied, in words.' })
  rules!: string[];
}

@InputType({ description: 'Laplace noise for a table, paid for from the privacy budget.' })
export class NoiseInput {
  @Field(() => Float, { description: 'The privacy loss to spend, more than 0 and at most 10.' })
  epsilon!: number;
}

/**
 * A statistical table, keyed by its job (the spec and a nonce): every agency holding a variable
 * of it contributes a hidden extract, and this service joins them and releases only cells.
 */
@ObjectType({ description: STATISTICAL_TABLE_DESCRIPTION })
@Directive('@key(fields: "job")')
export class StatisticalTable {
  @Field(() => String, { description: 'Internal join key: the table asked for and a nonce.' })
  @Directive('@inaccessible')
  job!: string;

  /** What each agency contributed, brought by the gateway (null: refused or unreachable). */
  extracts!: Map<StatisticsAgency, string | null>;
}

for (const agency of STATISTICS_AGENCIES) {
  const name = extractFieldOf(agency);
  Field(() => String, {
    nullable: true,
    description: `The ${AGENCIES[agency].title}'s part of the table (resolved by the ${agency} subgraph).`,
  })(StatisticalTable.prototype, name);
  Directive('@external')(StatisticalTable.prototype, name);
}
