let active = false;

/**
 * Whether this process records spans. Instrumentation (gateway plugin, subgraph plugin, SQL
 * listener) is registered only when it does, so a service without tracing runs none of it.
 */
export function tracingActive(): boolean {
  return active;
}

/** Set by `installTracing` and its shutdown alone. */
export function setTracingActive(value: boolean): void {
  active = value;
}
