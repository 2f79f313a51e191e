import { Period } from '@internal/plugin-release-watch-common';

const DAY_MS = 86_400_000;

/** Midnight UTC of a `YYYY-MM-DD` day, in milliseconds; charts place days on this axis. */
export function dayToTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The `YYYY-MM-DD` (UTC) of a moment. */
export function timeToDay(time: number | Date): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `days` days after (or, negative, before) a `YYYY-MM-DD` day. */
export function addDays(day: string, days: number): string {
  return timeToDay(dayToTime(day) + days * DAY_MS);
}

/** A day in the reader's locale: `2 Mar 2026` / `Mar 2, 2026`. */
export function formatDay(day: string | number): string {
  const time = typeof day === 'number' ? day : dayToTime(day);
  return new Date(time).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The period starting on a day: `Week of 2 Mar 2026` or `March 2026`. */
export function formatPeriod(periodStart: string | number, period: Period) {
  const time =
    typeof periodStart === 'number' ? periodStart : dayToTime(periodStart);
  if (period === 'month') {
    return new Date(time).toLocaleDateString(undefined, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  }
  return `Week of ${formatDay(time)}`;
}

/** A short date for chart ticks: `2 Mar` for weeks, `Mar 2026` for months. */
export function formatAxisDate(time: number, period: Period): string {
  return new Date(time).toLocaleDateString(
    undefined,
    period === 'month'
      ? { month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'short', timeZone: 'UTC' },
  );
}

/** A moment in the reader's locale and time zone, to the minute. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
