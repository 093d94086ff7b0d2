import type { GraphQLSchema } from 'graphql';
import type { AgencyName } from '../../platform/agencies';
import { buildBusinessSchema } from '../../subgraphs/business/index';
import { buildGovernanceSchema } from '../../subgraphs/governance/index';
import { buildHealthSchema } from '../../subgraphs/health/index';
import { buildPopulationSchema } from '../../subgraphs/population/index';
import { buildSocialSchema } from '../../subgraphs/social/index';
import { buildTaxSchema } from '../../subgraphs/tax/index';
import { buildTransportSchema } from '../../subgraphs/transport/index';

/**
 * Each agency's schema from its own resolvers, without its field policy: what a team would
 * serve with no governance at all. Only the benchmark imports this.
 */
export const BARE_SCHEMAS: Record<AgencyName, () => Promise<GraphQLSchema>> = {
  population: buildPopulationSchema,
  tax: buildTaxSchema,
  social: buildSocialSchema,
  health: buildHealthSchema,
  transport: buildTransportSchema,
  business: buildBusinessSchema,
  governance: buildGovernanceSchema,
};
