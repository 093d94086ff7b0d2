/**
 * National identification numbers in the shape of the Estonian personal code:
 * G YYMMDD SSS C, where G encodes century and sex, SSS is a serial number within the
 * birth date and C a check digit.
 */
export function nationalIdFor(dateOfBirth: string, sex: 'F' | 'M', serial: number): string {
  const [year, month, day] = dateOfBirth.split('-');
  const century = Math.floor(Number(year) / 100);
  const centuryDigit = (century - 18) * 2 + (sex === 'M' ? 1 : 2);
  const body = `${centuryDigit}${year!.slice(2)}${month}${day}${String(serial).padStart(3, '0')}`;
  return `${body}${checkDigit(body)}`;
}

/** True when a string has the shape and check digit of a national ID. */
export function isValidNationalId(value: string): boolean {
  return /^[1-6]\d{10}$/.test(value) && checkDigit(value.slice(0, 10)) === Number(value[10]);
}

function checkDigit(body: string): number {
  const weighted = (weights: number[]) =>
    weights.reduce((sum, weight, index) => sum + weight * Number(body[index]), 0) % 11;
  const first = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 1]);
  if (first < 10) return first;
  const second = weighted([3, 4, 5, 6, 7, 8, 9, 1, 2, 3]);
  return second < 10 ? second : 0;
}
