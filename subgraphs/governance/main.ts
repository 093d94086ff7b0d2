import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createGovernanceSubgraph } from './index';

runAgencyMain('governance', createGovernanceSubgraph);
