import { Histogram, Registry } from 'prom-client';
import { boundedOperationLabel } from '../../platform/metrics/boundedLabel';
import { errorCounters } from '../../platform/metrics/errorCounters';
import { LATENCY_BUCKETS } from '../../platform/metrics/subgraphMetrics';

/** The gateway's own metrics, beside those of the runtime's Prometheus plugin in the same registry. */
export interface GatewayMetrics {
  registry: Registry;
  /** Keeps the operation label bounded (clients name their operations). */
  operationLabel(name: string | null | undefined): string;
  /** One answered HTTP request: its operation, HTTP status, duration and errors' codes. */
  requestServed(
    operationName: string | null,
    httpStatus: number,
    seconds: number,
    codes: readonly string[],
  ): void;
}

/** Creates the gateway's registry and its own metrics. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'gateway' });
  const registers = [registry];
  const operationLabel = boundedOperationLabel();
  const duration = new Histogram({
    name: 'govgraph_gateway_request_duration_seconds',
    help: 'Requests the gateway answered (refused ones included) and how long each took',
    labelNames: ['operation', 'status'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const countErrors = errorCounters(registry);
  return {
    registry,
    operationLabel,
    requestServed(operationName, httpStatus, seconds, codes) {
      duration.observe(
        { operation: operationLabel(operationName), status: String(httpStatus) },
        seconds,
      );
      countErrors(codes);
    },
  };
}
