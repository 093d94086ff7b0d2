import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createBusinessSubgraph } from './index';

runAgencyMain('business', createBusinessSubgraph);
