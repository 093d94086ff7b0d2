import 'reflect-metadata';
import { runAgencyMain } from '../../platform/subgraph/runAgencyMain';
import { createTaxSubgraph } from './index';

runAgencyMain('tax', createTaxSubgraph);
