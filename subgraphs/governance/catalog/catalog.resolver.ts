import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badUserInput } from '../../../platform/errors/clientErrors';
import type { GovernanceContext } from '../context';
import { todayUtc } from '../graphql/calendar';
import { CatalogField } from './catalogField.type';
import { describeFields } from './describeAccess';

@Resolver(() => CatalogField)
export class CatalogResolver {
  @Query(() => [CatalogField], {
    description:
      'Every field of the graph: who serves it, how sensitive it is, and what you may read of it, why, and under which agreements. Send x-purpose to see decisions for that purpose.',
  })
  async dataCatalog(
    @Arg('agency', () => String, { nullable: true, description: 'Only the fields of this agency.' })
    agency: string | null,
    @Arg('type', () => String, { nullable: true, description: 'Only the fields of this type.' })
    type: string | null,
    @Ctx() { caller, purpose, repositories, loaders }: GovernanceContext,
  ): Promise<CatalogField[]> {
    const { catalog } = repositories;
    if (agency && !catalog.agencies().includes(agency)) {
      throw badUserInput(
        `"${agency}" is not an agency of the graph (${catalog.agencies().join(', ')})`,
        'agency',
      );
    }
    const entries = catalog.find({ agency, type });
    if (type && entries.length === 0) {
      throw badUserInput(`The catalog has no type ${type}${agency ? ` in ${agency}` : ''}`, 'type');
    }
    return describeFields(
      entries,
      { caller, purpose, today: todayUtc() },
      await loaders.liveAgreements(),
    );
  }
}
