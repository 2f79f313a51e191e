import { Period } from '@internal/plugin-release-watch-common';
import { ReportQuery } from '../api/ReleaseWatchApi';
import { addDays, timeToDay } from '../format/formatDate';

/** The ranges offered, in weeks back from today. */
export const RANGE_PRESETS = [
  { weeks: 12, label: 'Last 12 weeks' },
  { weeks: 26, label: 'Last 26 weeks' },
  { weeks: 52, label: 'Last 52 weeks' },
] as const;

export type RangeWeeks = (typeof RANGE_PRESETS)[number]['weeks'];

export const PERIODS: Array<{ period: Period; label: string }> = [
  { period: 'week', label: 'Per week' },
  { period: 'month', label: 'Per month' },
];

/** What the reader chose in the filter bar. */
export type ReleaseWatchFilters = {
  weeks: RangeWeeks;
  period: Period;
  /** Narrows the entities offered, and the numbers when no entity is chosen. */
  group?: string;
  entityRef?: string;
  /** A team: a catalog Group's ref; wins over group and entity. */
  owner?: string;
};

export const DEFAULT_FILTERS: ReleaseWatchFilters = {
  weeks: 26,
  period: 'week',
};

/** The last `weeks` weeks up to and including today (UTC), as `YYYY-MM-DD`. */
export function lastWeeks(
  weeks: number,
  now: Date = new Date(),
): { from: string; to: string } {
  const to = timeToDay(now);
  return { from: addDays(to, 1 - weeks * 7), to };
}

/** The backend query for the filters: an entity wins over its group. */
export function toReportQuery(
  filters: ReleaseWatchFilters,
  now: Date = new Date(),
): ReportQuery {
  const { from, to } = lastWeeks(filters.weeks, now);
  const query: ReportQuery = { period: filters.period, from, to };
  if (filters.owner) {
    query.owner = filters.owner;
  } else if (filters.entityRef) {
    query.entityRef = filters.entityRef;
  } else if (filters.group) {
    query.group = filters.group;
  }
  return query;
}
