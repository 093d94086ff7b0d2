import { Arg, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { extractFieldOf } from '../../../platform/statistics/extractFields';
import { mintJob, readJob, resolveSpec } from '../../../platform/statistics/StatisticsSpec';
import { STATISTICS_AGENCIES } from '../../../platform/statistics/statisticalVariables';
import type { GovernanceContext } from '../context';
import { type ComputedTable, computeTable } from './computeTable';
import {
  DisclosureSummary,
  NoiseInput,
  StatisticalCell,
  StatisticalMargin,
  StatisticalTable,
} from './statisticalTable.type';
import {
  DimensionEnum,
  Measure,
  NumericVariableEnum,
  StatisticalPopulationEnum,
  SuppressionReason,
} from './statisticsEnums';

// Every agency's extract; the table comes from this subgraph, which serves none of them.
const REQUIRES = `@requires(fields: "${STATISTICS_AGENCIES.map(extractFieldOf).join(' ')}")`;

type Found = Pick<StatisticalTable, 'job' | 'extracts'>;

/**
 * Statistics with disclosure control: `statistics` validates the table asked for and mints its
 * job; the gateway then brings every agency's part to the fields that require them, and the
 * table is computed once, joined, controlled, paid for and recorded before any cell is released.
 */
@Resolver(() => StatisticalTable)
export class StatisticsResolver {
  private readonly tables = new WeakMap<Found, Promise<ComputedTable>>();

  @Query(() => StatisticalTable, {
    nullable: true,
    description:
      'A statistical table: counts, sums or means of a population grouped by up to three dimensions, computed by the agencies holding the data and released with disclosure control (small cells and what would reveal them withheld, optional Laplace noise). For organisations, under agreements that grant each variable (`Statistics.<variable>`, classification aggregate) for the declared purpose.',
  })
  statistics(
    @Arg('population', () => StatisticalPopulationEnum) population: string,
    @Arg('by', () => [DimensionEnum], { description: 'The dimensions, at most three.' })
    by: string[],
    @Arg('measure', () => Measure, { defaultValue: Measure.COUNT }) measure: Measure,
    @Arg('of', () => NumericVariableEnum, {
      nullable: true,
      description: 'The numeric variable of a SUM or MEAN.',
    })
    of: string | null,
    @Arg('noise', () => NoiseInput, { nullable: true }) noise: NoiseInput | null,
  ): Pick<StatisticalTable, 'job'> {
    const spec = { population, measure, of: of ?? null, by, epsilon: noise?.epsilon ?? null };
    resolveSpec(spec);
    return { job: mintJob(spec) };
  }

  @FieldResolver(() => StatisticalPopulationEnum, { nullable: true })
  population(@Root() table: Found): string {
    return readJob(table.job).spec.population;
  }

  @FieldResolver(() => Measure, { nullable: true })
  measure(@Root() table: Found): string {
    return readJob(table.job).spec.measure;
  }

  @FieldResolver(() => NumericVariableEnum, { nullable: true })
  of(@Root() table: Found): string | null {
    return readJob(table.job).spec.of;
  }

  @FieldResolver(() => [DimensionEnum], { nullable: true })
  by(@Root() table: Found): string[] {
    return readJob(table.job).spec.by;
  }

  @FieldResolver(() => [StatisticalCell], {
    nullable: true,
    description: 'Every cell: each combination of the categories, empty ones too.',
  })
  @Directive(REQUIRES)
  async cells(@Root() table: Found, @Ctx() context: GovernanceContext): Promise<StatisticalCell[]> {
    const { released } = await this.computed(table, context);
    return released.cells.map((cell) => ({
      categories: cell.categories,
      value: cell.value,
      suppressed: cell.suppressed !== null,
      reason: cell.suppressed ? SuppressionReason[cell.suppressed] : null,
    }));
  }

  @FieldResolver(() => [StatisticalMargin], {
    nullable: true,
    description:
      'The totals: of each category of each dimension (two dimensions or more) and the grand total (dimension null).',
  })
  @Directive(REQUIRES)
  async margins(
    @Root() table: Found,
    @Ctx() context: GovernanceContext,
  ): Promise<StatisticalMargin[]> {
    const { released } = await this.computed(table, context);
    return released.margins.map((margin) => ({
      dimension: margin.dimension,
      category: margin.category,
      value: margin.value,
      suppressed: margin.suppressed !== null,
      reason: margin.suppressed ? SuppressionReason[margin.suppressed] : null,
    }));
  }

  @FieldResolver(() => DisclosureSummary, {
    nullable: true,
    description: 'What was withheld or perturbed, and why (also in extensions.disclosureControl).',
  })
  @Directive(REQUIRES)
  async disclosure(
    @Root() table: Found,
    @Ctx() context: GovernanceContext,
  ): Promise<DisclosureSummary> {
    return (await this.computed(table, context)).summary;
  }

  private computed(table: Found, context: GovernanceContext): Promise<ComputedTable> {
    let computed = this.tables.get(table);
    if (!computed) {
      computed = computeTable(table.job, table.extracts, context);
      this.tables.set(table, computed);
    }
    return computed;
  }
}
