import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createTransportSubgraph } from './index';

runAgencyMain('transport', createTransportSubgraph);
