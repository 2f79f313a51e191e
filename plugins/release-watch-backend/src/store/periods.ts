import { Period } from '@internal/plugin-release-watch-common';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the Monday (UTC) of the week holding `ms`. */
export function weekStart(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday.
  const monday = day - ((day + 3) % 7);
  return new Date(monday * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-01` of the month (UTC) holding `ms`. */
export function monthStart(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 7)}-01`;
}

export function periodStart(period: Period, ms: number): string {
  return period === 'week' ? weekStart(ms) : monthStart(ms);
}

/** Every period start from the one holding `from` to the one holding `to`. */
export function periodStarts(
  period: Period,
  from: number,
  to: number,
): string[] {
  const starts: string[] = [];
  let cursor = Date.parse(`${periodStart(period, from)}T00:00:00Z`);
  while (cursor <= to) {
    starts.push(new Date(cursor).toISOString().slice(0, 10));
    if (period === 'week') {
      cursor += 7 * DAY_MS;
    } else {
      const date = new Date(cursor);
      cursor = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    }
  }
  return starts;
}

/** How many weeks a period spans, to report counts per week. */
export function weeksIn(period: Period, start: string): number {
  if (period === 'week') {
    return 1;
  }
  const date = new Date(`${start}T00:00:00Z`);
  const next = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return (next - date.getTime()) / (7 * DAY_MS);
}

/** A span of time in epoch milliseconds, both ends included. */
export type Range = { from: number; to: number };

/**
 * The range's whole weeks (Monday to Sunday, UTC), `[start, end)`; none when
 * it holds no whole week.
 */
export function wholeWeeks(
  range: Range,
): { start: number; end: number } | undefined {
  const monday = (ms: number) => Date.parse(`${weekStart(ms)}T00:00:00Z`);
  const start =
    monday(range.from) === range.from
      ? range.from
      : monday(range.from) + 7 * DAY_MS;
  const end = monday(range.to + 1);
  return start < end ? { start, end } : undefined;
}
