import {
  averageRounds,
  type BenchResult,
  formatJsonLine,
  formatTable,
  quantile,
  ratiosTo,
} from './benchResults';

const result = (overrides: Partial<BenchResult>): BenchResult => ({
  round: 1,
  config: 'hive',
  series: 'distinct',
  workload: 'person-3',
  connections: 20,
  requests: 1000,
  errors: 0,
  rps: 100,
  p50: 10,
  p95: 20,
  p99: 30,
  gatewayCpuMsPerRequest: 3,
  subgraphCpuMsPerRequest: 4,
  databaseCpuMsPerRequest: 2,
  gatewayPeakRssMiB: 150,
  subgraphPeakRssMiB: 120,
  sqlPerRequest: 4,
  subgraphCallsPerRequest: 3,
  ...overrides,
});

describe('quantile', () => {
  it('takes the nearest rank of a sorted list', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(50);
    expect(quantile(sorted, 0.95)).toBe(95);
    expect(quantile(sorted, 0.99)).toBe(99);
    expect(quantile([7], 0.99)).toBe(7);
    expect(quantile([], 0.5)).toBe(0);
  });
});

describe('ratios to the stock runtime', () => {
  const results = [
    result({ round: 1, rps: 100 }),
    result({ round: 2, rps: 200, gatewayCpuMsPerRequest: 5 }),
    result({ config: 'govgraph', rps: 75, gatewayCpuMsPerRequest: 6 }),
    result({ config: 'govgraph', connections: 50, rps: 80 }),
  ];

  it('average the rounds of a configuration', () => {
    const [hive] = averageRounds(results.filter((r) => r.config === 'hive'));
    expect(hive).toMatchObject({ rps: 150, gatewayCpuMsPerRequest: 4, requests: 2000, round: 0 });
  });

  it('divide each figure by the stock runtime at the same workload, series and connections', () => {
    const ratios = ratiosTo(results[2]!, results);
    expect(ratios?.rps).toBeCloseTo(0.5);
    expect(ratios?.gatewayCpuMsPerRequest).toBeCloseTo(1.5);
    expect(ratios?.p99).toBe(1);
  });

  it("divide the database's CPU too, and leave it out where a round could not read it", () => {
    const governed = result({ config: 'govgraph', databaseCpuMsPerRequest: 5 });
    expect(ratiosTo(governed, [...results, governed])?.databaseCpuMsPerRequest).toBeCloseTo(2.5);
    const remote = [result({ round: 1 }), result({ round: 2, databaseCpuMsPerRequest: null })];
    const [hive] = averageRounds(remote);
    expect(hive?.databaseCpuMsPerRequest).toBeNull();
    expect(formatTable(remote)).toMatch(/\| 4\.00 \| - \| 150\/120 \|/);
  });

  it('are absent where the stock runtime did not run', () => {
    expect(ratiosTo(results[3]!, results)).toBeNull();
  });

  it('go into each JSON line and the table', () => {
    expect(JSON.parse(formatJsonLine(results[2]!, results)).ratiosToHive.rps).toBeCloseTo(0.5);
    const table = formatTable(results);
    expect(table).toContain(
      '| distinct | person-3 | 20 | govgraph | 75 (0.50×) | 10.0/20.0/30.0 | 6.00 (1.50×) |',
    );
    expect(table).toContain('| distinct | person-3 | 50 | govgraph | 80 | ');
  });
});
