import type { AgencyName } from '../platform/agencies';
import type { AgencyFieldPolicy } from '../platform/policy/fieldPolicy';
import { businessPolicy } from './business/policy';
import { healthPolicy } from './health/policy';
import { populationPolicy } from './population/policy';
import { socialPolicy } from './social/policy';
import { taxPolicy } from './tax/policy';
import { transportPolicy } from './transport/policy';

/** Every agency's field policy, by subgraph name: the classification the catalog is built from. */
export const SUBGRAPH_POLICIES: Record<Exclude<AgencyName, 'governance'>, AgencyFieldPolicy> = {
  population: populationPolicy,
  tax: taxPolicy,
  social: socialPolicy,
  health: healthPolicy,
  transport: transportPolicy,
  business: businessPolicy,
};
