import type { Acknowledgement } from './acknowledgedChanges';
import type { SchemaChange } from './schemaChange';

/** A change with the reason it was acknowledged for, if it was. */
export interface ReportedChange extends SchemaChange {
  acknowledged: string | null;
}

/** What the check found, and whether it passes. */
export interface SchemaCheckReport {
  changes: ReportedChange[];
  /** Acknowledgements that match no change found: left over from an earlier change. */
  stale: Acknowledgement[];
  /** Breaking changes that no acknowledgement names. */
  unacknowledged: number;
  passed: boolean;
}

/** Matches the changes found against the acknowledgements: unacknowledged breaking changes fail. */
export function schemaCheckReport(
  changes: SchemaChange[],
  acknowledgements: readonly Acknowledgement[],
): SchemaCheckReport {
  const reasons = new Map(acknowledgements.map((a) => [a.change, a.reason]));
  const reported = changes.map((change) => ({
    ...change,
    acknowledged: reasons.get(change.id) ?? null,
  }));
  const found = new Set(changes.map((change) => change.id));
  const unacknowledged = reported.filter(
    (change) => change.criticality === 'BREAKING' && change.acknowledged === null,
  ).length;
  return {
    changes: reported,
    stale: acknowledgements.filter((a) => !found.has(a.change)),
    unacknowledged,
    passed: unacknowledged === 0,
  };
}

/** One line per change (criticality, where, what), then stale acknowledgements and the verdict. */
export function formatSchemaCheckReport(report: SchemaCheckReport, against: string): string {
  const lines = [...report.changes].sort(byCriticality).map((change) => {
    const mark = change.acknowledged === null ? '' : ` (acknowledged: ${change.acknowledged})`;
    return `${change.criticality.padEnd(12)} ${change.id}  ${change.message}${mark}`;
  });
  for (const { change, reason } of report.stale)
    lines.push(`STALE        ${change}  acknowledged ("${reason}") but no such change was found`);
  const breaking = report.changes.filter((c) => c.criticality === 'BREAKING').length;
  lines.push(
    report.passed
      ? `schema check passed against ${against}: ${count(report.changes.length, 'change')}, ${breaking} breaking, all acknowledged`
      : `schema check FAILED against ${against}: ${count(report.unacknowledged, 'breaking change')} not acknowledged in schema/acknowledged-changes.json`,
  );
  return `${lines.join('\n')}\n`;
}

const ORDER = { BREAKING: 0, DANGEROUS: 1, NON_BREAKING: 2 } as const;

function byCriticality(a: SchemaChange, b: SchemaChange): number {
  return ORDER[a.criticality] - ORDER[b.criticality];
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
