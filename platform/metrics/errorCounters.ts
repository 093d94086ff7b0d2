import { Counter, type Registry } from 'prom-client';
import { errorCodeLabel, LIMIT_CODES } from './errorCodeLabel';

/** Counts a response's errors by code, and the limits among them; the gateway and subgraphs alike. */
export type CountErrors = (codes: readonly unknown[]) => void;

/** `govgraph_errors_total` and `govgraph_limits_hit_total`, registered in `registry`. */
export function errorCounters(registry: Registry): CountErrors {
  const errors = new Counter({
    name: 'govgraph_errors_total',
    help: 'Responses with errors, by extensions.code (a code counted once per response)',
    labelNames: ['code'],
    registers: [registry],
  });
  const limits = new Counter({
    name: 'govgraph_limits_hit_total',
    help: 'Requests refused or cut by a limit, by its error code',
    labelNames: ['limit'],
    registers: [registry],
  });
  return (codes) => {
    for (const code of codes) {
      const label = errorCodeLabel(code);
      errors.inc({ code: label });
      if (LIMIT_CODES.has(label)) limits.inc({ limit: label });
    }
  };
}
