import { Counter, Histogram, Registry } from 'prom-client';
import { boundedOperationLabel } from '../../platform/metrics/boundedLabel';
import { errorCodeLabel, LIMIT_CODES } from '../../platform/metrics/errorCodeLabel';
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
  const errors = new Counter({
    name: 'govgraph_errors_total',
    help: 'Responses with errors, by extensions.code (a code counted once per response)',
    labelNames: ['code'],
    registers,
  });
  const limits = new Counter({
    name: 'govgraph_limits_hit_total',
    help: 'Requests refused or cut by a limit, by its error code',
    labelNames: ['limit'],
    registers,
  });
  return {
    registry,
    operationLabel,
    requestServed(operationName, httpStatus, seconds, codes) {
      duration.observe(
        { operation: operationLabel(operationName), status: String(httpStatus) },
        seconds,
      );
      for (const code of codes) {
        const label = errorCodeLabel(code);
        errors.inc({ code: label });
        if (LIMIT_CODES.has(label)) limits.inc({ limit: label });
      }
    },
  };
}
