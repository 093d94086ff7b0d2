import { Ctx, Query, Resolver } from 'type-graphql';
import type { GovernanceContext } from '../context';
import { Purpose } from './purpose.type';

@Resolver(() => Purpose)
export class PurposeResolver {
  @Query(() => [Purpose], { description: 'Every purpose of use a request may declare, by code.' })
  purposes(@Ctx() { repositories }: GovernanceContext): Promise<Purpose[]> {
    return repositories.purposes.findAll();
  }
}
