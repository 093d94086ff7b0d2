import type { AgencyName } from '../platform/agencies';
import type { AgencySubgraphFactory } from '../platform/subgraph/SubgraphDefinition';
import { createBusinessSubgraph } from './business/index';
import { createGovernanceSubgraph } from './governance/index';
import { createHealthSubgraph } from './health/index';
import { createPopulationSubgraph } from './population/index';
import { createSocialSubgraph } from './social/index';
import { createTaxSubgraph } from './tax/index';
import { createTransportSubgraph } from './transport/index';

/** Every agency's subgraph factory, by subgraph name. Adding an agency starts here. */
export const SUBGRAPH_FACTORIES: Record<AgencyName, AgencySubgraphFactory> = {
  population: createPopulationSubgraph,
  tax: createTaxSubgraph,
  social: createSocialSubgraph,
  health: createHealthSubgraph,
  transport: createTransportSubgraph,
  business: createBusinessSubgraph,
  governance: createGovernanceSubgraph,
};
