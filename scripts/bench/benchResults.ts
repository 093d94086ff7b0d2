import type { ConfigName, SeriesName, WorkloadName } from './benchArgs';

/** One measured run: a configuration, series, workload and connection count in one round. */
export interface BenchResult {
  round: number;
  config: ConfigName;
  series: SeriesName;
  workload: WorkloadName;
  connections: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  gatewayCpuMsPerRequest: number;
  subgraphCpuMsPerRequest: number;
  /**
   * CPU of the PostgreSQL server's processes, all of them, per request; null when the server
   * is on another machine. Other clients of the same server are counted too: run alone.
   */
  databaseCpuMsPerRequest: number | null;
  gatewayPeakRssMiB: number;
  /** The largest peak of any one subgraph process. */
  subgraphPeakRssMiB: number;
  sqlPerRequest: number;
  subgraphCallsPerRequest: number;
}

/** The figures that get a ratio to the stock runtime's. */
export const RATIO_FIGURES = [
  'rps',
  'p50',
  'p95',
  'p99',
  'gatewayCpuMsPerRequest',
  'subgraphCpuMsPerRequest',
  'databaseCpuMsPerRequest',
  'gatewayPeakRssMiB',
  'subgraphPeakRssMiB',
  'sqlPerRequest',
  'subgraphCallsPerRequest',
] as const;
export type RatioFigure = (typeof RATIO_FIGURES)[number];

/** The configuration every figure is compared with. */
export const BASELINE: ConfigName = 'hive';

/** The value at quantile q of an ascending list (nearest rank); 0 for an empty list. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const keyOf = (r: Pick<BenchResult, 'series' | 'workload' | 'connections'>) =>
  `${r.series}|${r.workload}|${r.connections}`;

/** Results of the same configuration, series, workload and connections, averaged over rounds. */
export function averageRounds(results: readonly BenchResult[]): BenchResult[] {
  const groups = new Map<string, BenchResult[]>();
  for (const result of results) {
    const key = `${result.config}|${keyOf(result)}`;
    groups.set(key, [...(groups.get(key) ?? []), result]);
  }
  return [...groups.values()].map((group) => {
    // A figure missing from any round is missing from the mean.
    const mean = (pick: (r: BenchResult) => number | null) =>
      group.some((r) => pick(r) === null)
        ? null
        : group.reduce((sum, r) => sum + pick(r)!, 0) / group.length;
    const first = group[0]!;
    const averaged: BenchResult = { ...first, round: 0 };
    for (const figure of RATIO_FIGURES)
      (averaged as Record<RatioFigure, number | null>)[figure] = mean((r) => r[figure]);
    averaged.requests = group.reduce((sum, r) => sum + r.requests, 0);
    averaged.errors = group.reduce((sum, r) => sum + r.errors, 0);
    return averaged;
  });
}

/**
 * Each figure of `result` over the baseline's for the same series, workload and connections
 * (averaged over rounds); null where the baseline did not run or its figure is 0.
 */
export function ratiosTo(
  result: BenchResult,
  results: readonly BenchResult[],
): Record<RatioFigure, number | null> | null {
  const baselines = results.filter((r) => r.config === BASELINE && keyOf(r) === keyOf(result));
  if (baselines.length === 0) return null;
  const [baseline] = averageRounds(baselines);
  const ratios = {} as Record<RatioFigure, number | null>;
  for (const figure of RATIO_FIGURES) {
    const [value, base] = [result[figure], baseline![figure]];
    ratios[figure] = value === null || base === null || base === 0 ? null : value / base;
  }
  return ratios;
}

const fixed = (value: number | null, digits: number) =>
  value !== null && Number.isFinite(value) ? value.toFixed(digits) : '-';
const ratio = (value: number | null | undefined) =>
  value === null || value === undefined ? '' : ` (${value.toFixed(2)}×)`;

/** The human table: one row per configuration, series, workload and connections, rounds averaged. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = averageRounds(results).map((r) => {
    const x = ratiosTo(r, results);
    return [
      r.series,
      r.workload,
      String(r.connections),
      r.config,
      `${fixed(r.rps, 0)}${ratio(x?.rps)}`,
      `${fixed(r.p50, 1)}/${fixed(r.p95, 1)}/${fixed(r.p99, 1)}`,
      `${fixed(r.gatewayCpuMsPerRequest, 2)}${ratio(x?.gatewayCpuMsPerRequest)}`,
      fixed(r.subgraphCpuMsPerRequest, 2),
      `${fixed(r.databaseCpuMsPerRequest, 2)}${ratio(x?.databaseCpuMsPerRequest)}`,
      `${fixed(r.gatewayPeakRssMiB, 0)}/${fixed(r.subgraphPeakRssMiB, 0)}`,
      fixed(r.sqlPerRequest, 1),
      fixed(r.subgraphCallsPerRequest, 1),
      `${r.errors}/${r.requests}`,
    ];
  });
  const header = [
    'series',
    'workload',
    'conns',
    'config',
    'req/s (× hive)',
    'p50/p95/p99 ms',
    'gw CPU ms/req (×)',
    'sg CPU ms/req',
    'db CPU ms/req (×)',
    'RSS MiB gw/sg',
    'SQL/req',
    'calls/req',
    'errors',
  ];
  const lines = [header, header.map(() => '---'), ...rows];
  return `${lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}\n`;
}

/** One JSON line for a result, with its ratios to the stock runtime. */
export function formatJsonLine(result: BenchResult, results: readonly BenchResult[]): string {
  return JSON.stringify({ ...result, ratiosToHive: ratiosTo(result, results) });
}
