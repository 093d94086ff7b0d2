import type { RequestContext } from '../../platform/context/RequestContext';
import type { GovernanceLoaders } from './loaders';
import type { GovernanceRepositories } from './repositories';

export type GovernanceContext = RequestContext<GovernanceLoaders, GovernanceRepositories>;
