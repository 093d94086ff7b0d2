const DAY_MS = 86_400_000;

/** The demo country is generated as of this date, so the data does not drift with the clock. */
export const REFERENCE_DATE = '2026-01-01';

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function ageOn(dateOfBirth: string, onDate: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A date of birth for someone of the given age on the reference date. */
export function birthDateForAge(age: number, dayOfYear: number): string {
  const year = Number(REFERENCE_DATE.slice(0, 4)) - age - 1;
  return addDays(`${year}-01-01`, dayOfYear % 365);
}
