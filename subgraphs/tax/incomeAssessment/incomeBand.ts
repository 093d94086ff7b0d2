const BAND_WIDTH = 10_000;

/** The band of 10,000 euros an income falls in, e.g. 38,400 -> "30000-39999". */
export function incomeBandOf(income: number): string {
  const low = Math.max(0, Math.floor(income / BAND_WIDTH) * BAND_WIDTH);
  return `${low}-${low + BAND_WIDTH - 1}`;
}
