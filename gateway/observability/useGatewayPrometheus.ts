import type { GatewayPlugin, Logger as HiveLogger } from '@graphql-hive/gateway-runtime';
import usePrometheus, { createCounter, createHistogram } from '@graphql-mesh/plugin-prometheus';
import { LATENCY_BUCKETS } from '../../platform/metrics/subgraphMetrics';
import type { GatewayMetrics } from './gatewayMetrics';

/**
 * The runtime's Prometheus plugin, with only the metrics the dashboard reads, named
 * `govgraph_gateway_*`, and labels kept bounded: operations per subgraph call, the
 * operation's own duration, subgraph errors. Every other metric of the plugin is off.
 */
export function useGatewayPrometheus(metrics: GatewayMetrics, log: HiveLogger): GatewayPlugin {
  const { registry, operationLabel } = metrics;
  return usePrometheus({
    log,
    registry,
    // Served on the metrics port alone (platform/metrics/serveMetrics.ts), never the public one.
    endpoint: false,
    skipIntrospection: true,
    metrics: {
      graphql_envelop_request_duration: createHistogram({
        registry,
        histogram: {
          name: 'govgraph_gateway_operation_duration_seconds',
          help: 'Operations the gateway executed and how long each took, by operation and type',
          labelNames: ['operation', 'operationType'],
          buckets: LATENCY_BUCKETS,
        },
        fillLabelsFn: (params) => ({
          operation: operationLabel(params.operationName),
          operationType: params.operationType ?? 'unknown',
        }),
      }),
      graphql_gateway_subgraph_execute_duration: createHistogram({
        registry,
        histogram: {
          name: 'govgraph_gateway_subgraph_duration_seconds',
          help: "Calls to each subgraph and how long each took, by the subgraph's operation",
          labelNames: ['subgraph', 'operation'],
          buckets: LATENCY_BUCKETS,
        },
        fillLabelsFn: (params) => ({
          subgraph: params.subgraphName,
          operation: operationLabel(params.executionRequest.operationName),
        }),
      }),
      graphql_gateway_subgraph_execute_errors: createCounter({
        registry,
        counter: {
          name: 'govgraph_gateway_subgraph_errors_total',
          help: 'Errors in the answers of each subgraph',
          labelNames: ['subgraph'],
        },
        fillLabelsFn: (params) => ({ subgraph: params.subgraphName }),
      }),
    },
  });
}
