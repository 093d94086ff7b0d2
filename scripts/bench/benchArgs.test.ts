import {
  BENCH_USAGE,
  BenchArgsError,
  CONFIG_NAMES,
  parseBenchArgs,
  WORKLOAD_NAMES,
} from './benchArgs';

describe('parseBenchArgs', () => {
  it('defaults to every configuration, workload and series at 20 and 50 connections, two rounds', () => {
    expect(parseBenchArgs([])).toEqual({
      people: 10000,
      seconds: 10,
      connections: [20, 50],
      rounds: 2,
      configs: [...CONFIG_NAMES],
      workloads: [...WORKLOAD_NAMES],
      series: ['distinct', 'identical'],
      documents: 'variables',
      json: false,
      logged: 500,
      trackerRecords: 100000,
      help: false,
    });
  });

  it('asks for the usage with --help, which names every configuration and workload', () => {
    expect(parseBenchArgs(['--help']).help).toBe(true);
    for (const name of [...CONFIG_NAMES, ...WORKLOAD_NAMES]) expect(BENCH_USAGE).toContain(name);
  });

  it('takes a quick run: subsets in canonical order, one round, one connection count', () => {
    const args = parseBenchArgs([
      '--seconds',
      '3',
      '--rounds',
      '1',
      '--connections',
      '20',
      '--configs',
      'hive,govgraph',
      '--workloads',
      'public,person-3',
      '--json',
    ]);
    expect(args).toMatchObject({
      seconds: 3,
      rounds: 1,
      connections: [20],
      configs: ['govgraph', 'hive'],
      workloads: ['person-3', 'public'],
      json: true,
    });
  });

  it('scales to a million people and no further', () => {
    expect(parseBenchArgs(['--people', '1000000']).people).toBe(1_000_000);
    expect(() => parseBenchArgs(['--people', '1000001'])).toThrow(
      '--people must be a whole number from 100 to 1000000, not "1000001"',
    );
  });

  it('reports every bad flag at once', () => {
    let error: unknown;
    try {
      parseBenchArgs(['--seconds', '0', '--configs', 'hive,nginx', '--connections', '20,x']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BenchArgsError);
    expect((error as Error).message.split('\n')).toEqual([
      '--connections must be a whole number from 1 to 1000, not "x"',
      '--seconds must be a whole number from 1 to 3600, not "0"',
      `--configs: unknown nginx; choose from ${CONFIG_NAMES.join(', ')}`,
    ]);
  });

  it('sends subjects in variables by default, or written into each document', () => {
    expect(parseBenchArgs(['--documents', 'literals']).documents).toBe('literals');
    expect(() => parseBenchArgs(['--documents', 'inline'])).toThrow(
      '--documents must be one of variables, literals, not "inline"',
    );
  });

  it('refuses a flag it does not know', () => {
    expect(() => parseBenchArgs(['--concurrency', '20'])).toThrow(/Unknown option '--concurrency'/);
  });
});
