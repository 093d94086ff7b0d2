import type { Db } from '../db/createDb';

/**
 * The text a statistics log record's hash is computed over, as the chain trigger computes it
 * for the record's format: each value length-prefixed (`-` for null), joined by `|`. Format 1
 * (migrations/governance/20261202000100_statistics.ts) covers the table asked for and what it
 * cost; format 2 (20261203000100_statistics_log_refusals.ts) adds its outcome, the refusal and
 * the format.
 */
function canonicalSql(row: string, format: 1 | 2): string {
  const part = (expression: string) =>
    `coalesce(length(${expression})::text || ':' || ${expression}, '-')`;
  const first = [
    `${row}.seq::text`,
    `to_char(${row}.logged_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    `${row}.request_id`,
    `${row}.organisation`,
    `${row}.caller_subject`,
    `${row}.purpose`,
    `${row}.case_id`,
    `${row}.population`,
    `${row}.measure`,
    `${row}.numeric_variable`,
    `array_to_string(${row}.dimensions, ',')`,
    `${row}.epsilon::text`,
    `${row}.cells::text`,
    `${row}.suppressed::text`,
    `${row}.prev_hash`,
  ];
  const parts =
    format === 1 ? first : [...first, `${row}.outcome`, `${row}.refusal`, `${row}.format::text`];
  return parts.map(part).join(` || '|' || `);
}

const hashSql = (row: string, format: 1 | 2) =>
  `encode(sha256(convert_to(${canonicalSql(row, format)}, 'UTF8')), 'hex')`;

export interface StatisticsLogReport {
  records: number;
  /** The first record found altered, removed or out of order; absent when the chain is intact. */
  problem?: { seq: number; message: string };
}

interface CheckedRow {
  seq: string | number;
  hash: string;
  prev_hash: string;
  recomputed: string;
}

/**
 * Recomputes the governance statistics log's hash chain in sequence order and names the first
 * record that was altered, removed or reordered, or a tail cut off below the head.
 */
export async function verifyStatisticsLog(db: Db): Promise<StatisticsLogReport> {
  const { rows } = await db.raw<{ rows: CheckedRow[] }>(
    `select r.seq, r.hash, r.prev_hash,
            case r.format when 1 then ${hashSql('r', 1)} when 2 then ${hashSql('r', 2)} end as recomputed
       from governance.statistics_log r order by r.seq`,
  );
  const head = await db('governance.statistics_log_head')
    .where({ id: 1 })
    .first<{ last_seq: string | number }>('last_seq');
  let previous = 'genesis';
  for (const [i, row] of rows.entries()) {
    const seq = Number(row.seq);
    if (seq !== i + 1)
      return { records: i, problem: { seq: i + 1, message: `record ${i + 1} was removed` } };
    if (row.prev_hash !== previous)
      return {
        records: i,
        problem: { seq, message: `record ${seq} does not follow record ${seq - 1}` },
      };
    if (row.recomputed !== row.hash)
      return {
        records: i,
        problem: {
          seq,
          message: `record ${seq} was altered: its contents no longer match its hash`,
        },
      };
    previous = row.hash;
  }
  const last = Number(head?.last_seq ?? 0);
  if (last > rows.length)
    return {
      records: rows.length,
      problem: {
        seq: rows.length + 1,
        message: `the log was cut off: it ends at record ${rows.length}, its head at ${last}`,
      },
    };
  return { records: rows.length };
}
