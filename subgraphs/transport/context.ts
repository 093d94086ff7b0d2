import type { RequestContext } from '../../platform/context/RequestContext';
import type { TransportLoaders } from './loaders';
import type { TransportRepositories } from './repositories';

export type TransportContext = RequestContext<TransportLoaders, TransportRepositories>;
