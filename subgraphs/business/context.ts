import type { RequestContext } from '../../platform/context/RequestContext';
import type { BusinessLoaders } from './loaders';
import type { BusinessRepositories } from './repositories';

export type BusinessContext = RequestContext<BusinessLoaders, BusinessRepositories>;
