import type { WitnessedLogReport } from './verifyWitnessedLog';

/** One line per agency: intact and how far witnessed, or broken at the first record concerned. */
export function formatWitnessedReport(report: WitnessedLogReport, elapsedMs?: number): string {
  const name = report.schema.padEnd(11);
  if (report.problem) {
    const more = report.problems.length > 1 ? ` (+${report.problems.length - 1} more)` : '';
    return `${name} BROKEN at record ${report.problem.seq}: ${report.problem.message}${more}`;
  }
  const from = report.startsAfter > 0 ? ` (from checkpoint ${report.startsAfter})` : '';
  const { witnessed } = report;
  const witness =
    witnessed.statements === 0
      ? 'not witnessed yet'
      : `witnessed up to record ${witnessed.upToSeq} (${witnessed.statements} signed statements, newest ${witnessed.lastSignedAt})`;
  const time = elapsedMs === undefined ? '' : ` in ${Math.round(elapsedMs)} ms`;
  return `${name} ok: ${report.records} records verified${from}${time}, ${witness}`;
}
