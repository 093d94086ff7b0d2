import type { RequestContext } from '../../platform/context/RequestContext';
import type { PopulationLoaders } from './loaders';
import type { PopulationRepositories } from './repositories';

export type PopulationContext = RequestContext<PopulationLoaders, PopulationRepositories>;
