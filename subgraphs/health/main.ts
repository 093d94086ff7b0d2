import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createHealthSubgraph } from './index';

runAgencyMain('health', createHealthSubgraph);
