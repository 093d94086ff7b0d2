/** Today's date at UTC, YYYY-MM-DD: agreements are in force by calendar day, as in the policy runtime. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
