const DAY_MS = 86_400_000;

/** The demo country is generated as of this date, so the data does not drift with the clock. */
export const REFERENCE_DATE = '2026-01-01';

// A million people need tens of millions of date sums over a few thousand distinct days:
// parsing and printing each day once makes the generator several times faster.
const dayOfDate = new Map<string, number>();
// Day numbers from 1833 to 2106 index an array: a number-keyed Map is slower here.
const FIRST_DAY = -50_000;
const dateOfDay: (string | undefined)[] = new Array<string | undefined>(100_000);

function dayNumber(isoDate: string): number {
  let day = dayOfDate.get(isoDate);
  if (day === undefined) {
    day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
    dayOfDate.set(isoDate, day);
  }
  return day;
}

function isoDateOf(day: number): string {
  const index = day - FIRST_DAY;
  let date = dateOfDay[index];
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (index >= 0 && index < dateOfDay.length) dateOfDay[index] = date;
  }
  return date;
}

/** The ISO date `days` (a whole number) after `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  return isoDateOf(dayNumber(isoDate) + days);
}

/** Whole years between two ISO dates (`YYYY-MM-DD`). */
export function ageOn(dateOfBirth: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  // Zero-padded month and day compare as text in calendar order.
  return onDate.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/** A date of birth for someone of the given age on the reference date. */
export function birthDateForAge(age: number, dayOfYear: number): string {
  const year = Number(REFERENCE_DATE.slice(0, 4)) - age - 1;
  return addDays(`${year}-01-01`, dayOfYear % 365);
}
