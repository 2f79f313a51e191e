import { Period } from '@internal/plugin-release-watch-common';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** At most this many ticks on a time axis, so their labels do not overlap. */
export const MAX_TICKS = 8;

/**
 * Tick positions between `min` and `max` (milliseconds, UTC) on period
 * starts: Mondays for weeks, the 1st for months, every one or every few so
 * there are at most {@link MAX_TICKS}.
 */
export function timeTicks(min: number, max: number, period: Period): number[] {
  if (!(max >= min)) {
    return [];
  }
  return period === 'month' ? monthTicks(min, max) : weekTicks(min, max);
}

function weekTicks(min: number, max: number): number[] {
  const day = new Date(min).getUTCDay();
  const daysToMonday = (8 - day) % 7;
  const firstMonday = startOfDay(min) + daysToMonday * DAY_MS;
  const weeks = Math.floor((max - firstMonday) / WEEK_MS) + 1;
  const step = Math.max(1, Math.ceil(weeks / MAX_TICKS));
  const ticks: number[] = [];
  for (let time = firstMonday; time <= max; time += step * WEEK_MS) {
    ticks.push(time);
  }
  return ticks;
}

function monthTicks(min: number, max: number): number[] {
  const start = new Date(min);
  let year = start.getUTCFullYear();
  let month = start.getUTCMonth();
  if (Date.UTC(year, month, 1) < startOfDay(min)) {
    month += 1;
  }
  const end = new Date(max);
  const months =
    (end.getUTCFullYear() - year) * 12 + end.getUTCMonth() - month + 1;
  const step = Math.max(1, Math.ceil(months / MAX_TICKS));
  const ticks: number[] = [];
  for (let time = Date.UTC(year, month, 1); time <= max; ) {
    ticks.push(time);
    month += step;
    year += Math.floor(month / 12);
    month %= 12;
    time = Date.UTC(year, month, 1);
  }
  return ticks;
}

function startOfDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}
