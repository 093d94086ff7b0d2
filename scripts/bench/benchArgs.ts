import { parseArgs } from 'node:util';

/** The configurations the benchmark can run, in the order they are run within a round. */
export const CONFIG_NAMES = [
  'govgraph',
  'govgraph-bare',
  'hive',
  'apollo',
  'hive-rust',
  'floor',
] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

/** The workloads, in the order they are run within a configuration. */
export const WORKLOAD_NAMES = [
  'person-3',
  'profile-6',
  'page-20',
  'page-100',
  'company-board',
  'public',
  'aggregate',
] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];

/** How requests name their subject: in variables of one document, or written into each document. */
export const DOCUMENT_STYLES = ['variables', 'literals'] as const;
export type DocumentStyle = (typeof DOCUMENT_STYLES)[number];

/** Distinct subjects per request, or the same request from every connection. */
export const SERIES_NAMES = ['distinct', 'identical'] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export interface BenchArgs {
  people: number;
  seconds: number;
  connections: number[];
  rounds: number;
  configs: ConfigName[];
  workloads: WorkloadName[];
  series: SeriesName[];
  /** One document per workload with its subject in variables (as clients send), or a document per subject. */
  documents: DocumentStyle;
  json: boolean;
  /** Requests of the access-log exactness check (0: skipped). */
  logged: number;
  /** Access records of the data-tracker timing (0: skipped). */
  trackerRecords: number;
  /** Print the usage and run nothing. */
  help: boolean;
}

/** What `npm run bench -- --help` prints. */
export const BENCH_USAGE = `npm run bench -- [flags]   (needs DATABASE_URL: a PostgreSQL server it may create a database on)

  --people N            people in the demo country, 100 to 1000000 (default 10000)
  --seconds S           seconds of load per run (default 10)
  --connections A,B     concurrent connections, one run each (default 20,50)
  --rounds R            rounds; configurations are interleaved within each (default 2)
  --configs a,b         ${CONFIG_NAMES.join(', ')}
  --workloads a,b       ${WORKLOAD_NAMES.join(', ')}
  --series a,b          ${SERIES_NAMES.join(', ')} (default both)
  --documents STYLE     ${DOCUMENT_STYLES.join(' or ')}: subject in variables or written in the document
  --logged N            requests of the access-log exactness check, 0 to skip (default 500)
  --tracker-records N   access records of the data-tracker timing, 0 to skip (default 100000)
  --json                one JSON line per result on stdout, beside the table
  --help                this text
`;

/** A command line the benchmark cannot run; the message says which flag and why. */
export class BenchArgsError extends Error {
  override readonly name = 'BenchArgsError';
}

const MAX_PEOPLE = 1_000_000;

/** Reads the benchmark's flags, reporting every bad one at once. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      people: { type: 'string', default: '10000' },
      seconds: { type: 'string', default: '10' },
      connections: { type: 'string', default: '20,50' },
      rounds: { type: 'string', default: '2' },
      configs: { type: 'string', default: CONFIG_NAMES.join(',') },
      workloads: { type: 'string', default: WORKLOAD_NAMES.join(',') },
      series: { type: 'string', default: SERIES_NAMES.join(',') },
      documents: { type: 'string', default: 'variables' },
      json: { type: 'boolean', default: false },
      logged: { type: 'string', default: '500' },
      'tracker-records': { type: 'string', default: '100000' },
      help: { type: 'boolean', default: false },
    },
  });
  const problems: string[] = [];
  const whole = (flag: string, value: string, min: number, max: number): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      problems.push(`--${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
      return min;
    }
    return n;
  };
  const list = <T extends string>(flag: string, value: string, known: readonly T[]): T[] => {
    const items = value.split(',').map((item) => item.trim());
    const unknown = items.filter((item) => !(known as readonly string[]).includes(item));
    if (unknown.length > 0 || items.length === 0)
      problems.push(`--${flag}: unknown ${unknown.join(', ')}; choose from ${known.join(', ')}`);
    // Run in the canonical order, each once, whatever order they were given in.
    return known.filter((name) => items.includes(name));
  };
  const oneOf = <T extends string>(flag: string, value: string, known: readonly T[]): T => {
    if ((known as readonly string[]).includes(value)) return value as T;
    problems.push(`--${flag} must be one of ${known.join(', ')}, not "${value}"`);
    return known[0]!;
  };
  const connections = values.connections
    .split(',')
    .map((item) => whole('connections', item.trim(), 1, 1000));
  const args: BenchArgs = {
    people: whole('people', values.people, 100, MAX_PEOPLE),
    seconds: whole('seconds', values.seconds, 1, 3600),
    connections: [...new Set(connections)],
    rounds: whole('rounds', values.rounds, 1, 100),
    configs: list('configs', values.configs, CONFIG_NAMES),
    workloads: list('workloads', values.workloads, WORKLOAD_NAMES),
    series: list('series', values.series, SERIES_NAMES),
    documents: oneOf('documents', values.documents, DOCUMENT_STYLES),
    json: values.json,
    logged: whole('logged', values.logged, 0, 100_000),
    trackerRecords: whole('tracker-records', values['tracker-records'], 0, 10_000_000),
    help: values.help,
  };
  if (problems.length > 0) throw new BenchArgsError(problems.join('\n'));
  return args;
}
