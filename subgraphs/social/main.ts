import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createSocialSubgraph } from './index';

runAgencyMain('social', createSocialSubgraph);
