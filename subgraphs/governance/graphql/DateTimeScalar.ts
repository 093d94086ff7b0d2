// The access log's records carry the same scalar in every subgraph, so it is defined once.
export { DateTimeScalar } from '../../../platform/graphql/DateTimeScalar';
