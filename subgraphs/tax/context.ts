import type { RequestContext } from '../../platform/context/RequestContext';
import type { TaxLoaders } from './loaders';
import type { TaxRepositories } from './repositories';

export type TaxContext = RequestContext<TaxLoaders, TaxRepositories>;
