/** A time as the tables keep it: epoch milliseconds; PostgreSQL's bigint comes back as a string. */
export type Millis = string | number;

export function isoTime(ms: Millis): string {
  return new Date(Number(ms)).toISOString();
}

export function isoTimeOrNull(ms: Millis | null): string | null {
  return ms === null ? null : isoTime(ms);
}
