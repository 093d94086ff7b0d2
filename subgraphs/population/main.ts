import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createPopulationSubgraph } from './index';

runAgencyMain('population', createPopulationSubgraph);
