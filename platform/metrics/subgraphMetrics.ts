import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../db/createDb';
import type { PolicyObserver } from '../policy/policyObserver';
import { boundedOperationLabel } from './boundedLabel';
import { errorCounters } from './errorCounters';

/** Latency buckets in seconds, from a cached lookup to a request near its timeout. */
export const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** What a pool reports of itself: knex's pool (tarn) has these. */
interface PoolState {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** The metrics of one agency's subgraph, in a registry of its own (several share a process in tests). */
export interface SubgraphMetrics extends PolicyObserver {
  registry: Registry;
  /** One answered request: its operation, its duration and its errors' codes. */
  requestServed(operationName: string | null | undefined, seconds: number, codes: string[]): void;
  /** Access records written to the log, or a failed write. */
  accessRecordsWritten(count: number): void;
  accessLogFailed(): void;
  /** Reports a connection pool's use and waiters at every scrape. */
  watchPool(name: string, db: Db): void;
  /** Reports the policy store's staleness at every scrape. */
  watchPolicyStaleness(staleForMs: () => number): void;
}

/** Creates the metrics of one agency's subgraph. */
export function createSubgraphMetrics(agency: string): SubgraphMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: `${agency}-subgraph` });
  const registers = [registry];
  const operation = boundedOperationLabel();
  const duration = new Histogram({
    name: 'govgraph_subgraph_request_duration_seconds',
    help: 'Requests a subgraph answered and how long each took, by operation and outcome',
    labelNames: ['subgraph', 'operation', 'status'],
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const countErrors = errorCounters(registry);
  const decisions = new Counter({
    name: 'govgraph_policy_decisions_total',
    help: 'Field decisions (once per field per request), by agency, field and decision',
    labelNames: ['agency', 'field', 'decision'],
    registers,
  });
  const consents = new Counter({
    name: 'govgraph_consent_checks_total',
    help: 'Records whose release rested on consent, by whether it was given',
    labelNames: ['agency', 'outcome'],
    registers,
  });
  const written = new Counter({
    name: 'govgraph_access_records_written_total',
    help: 'Access records written to the agency access log',
    labelNames: ['agency'],
    registers,
  });
  const failures = new Counter({
    name: 'govgraph_access_log_failures_total',
    help: 'Requests whose access records could not be written (their personal data withheld)',
    labelNames: ['agency'],
    registers,
  });
  // Zero from the start, so that a rate over them is defined before the first event.
  written.inc({ agency }, 0);
  failures.inc({ agency }, 0);
  const pools = new Map<string, PoolState>();
  new Gauge({
    name: 'govgraph_db_pool_connections',
    help: 'Database connections of each pool, by state (used, free)',
    labelNames: ['agency', 'pool', 'state'],
    registers,
    collect() {
      this.reset();
      for (const [pool, state] of pools) {
        this.set({ agency, pool, state: 'used' }, state.numUsed());
        this.set({ agency, pool, state: 'free' }, state.numFree());
      }
    },
  });
  new Gauge({
    name: 'govgraph_db_pool_waiting',
    help: 'Queries waiting for a connection of each pool',
    labelNames: ['agency', 'pool'],
    registers,
    collect() {
      this.reset();
      for (const [pool, state] of pools) this.set({ agency, pool }, state.numPendingAcquires());
    },
  });
  let staleForMs = () => 0;
  new Gauge({
    name: 'govgraph_policy_store_staleness_seconds',
    help: 'How long since the agreements in memory were last confirmed by the governance store',
    labelNames: ['agency'],
    registers,
    collect() {
      this.set({ agency }, staleForMs() / 1000);
    },
  });
  return {
    registry,
    requestServed(operationName, seconds, codes) {
      const status = codes.length === 0 ? 'ok' : 'error';
      duration.observe({ subgraph: agency, operation: operation(operationName), status }, seconds);
      countErrors(codes);
    },
    decided: (decisionAgency, field, effect) =>
      decisions.inc({ agency: decisionAgency, field, decision: effect }),
    consentChecked: (consentAgency, outcome) => consents.inc({ agency: consentAgency, outcome }),
    accessRecordsWritten: (count) => written.inc({ agency }, count),
    accessLogFailed: () => failures.inc({ agency }),
    watchPool(name, db) {
      const pool = (db.client as { pool?: PoolState }).pool;
      if (pool) pools.set(name, pool);
    },
    watchPolicyStaleness(read) {
      staleForMs = read;
    },
  };
}
