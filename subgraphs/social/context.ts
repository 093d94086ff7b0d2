import type { RequestContext } from '../../platform/context/RequestContext';
import type { SocialLoaders } from './loaders';
import type { SocialRepositories } from './repositories';

export type SocialContext = RequestContext<SocialLoaders, SocialRepositories>;
