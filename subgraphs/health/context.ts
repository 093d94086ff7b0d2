import type { RequestContext } from '../../platform/context/RequestContext';
import type { HealthLoaders } from './loaders';
import type { HealthRepositories } from './repositories';

export type HealthContext = RequestContext<HealthLoaders, HealthRepositories>;
