export const TABLES = {
  events: 'release_watch_events',
  measurements: 'release_watch_measurements',
  rollups: 'release_watch_rollups',
  stalePeriods: 'release_watch_stale_periods',
  cursors: 'release_watch_cursors',
} as const;

export type EventRow = {
  id: string;
  kind: string;
  at: number;
  entity_ref: string | null;
  group_name: string | null;
  subject: string;
  version: string | null;
  environment: string | null;
  status: string | null;
  production: boolean | null;
  incident: string | null;
  payload: string;
  received_at: number;
};

export type MeasurementRow = {
  key: string;
  metric: string;
  subject: string;
  entity_ref: string | null;
  group_name: string | null;
  at: number;
  week_start: string;
  month_start: string;
  value: number;
  label: string | null;
  unit: string | null;
  /**
   * The environment a metric sample was measured in, or a production
   * deployment went to (deployment frequency, change failure and rework
   * rate); null for the rest.
   */
  environment: string | null;
};

export type RollupRow = {
  metric: string;
  period: string;
  period_start: string;
  scope_kind: string;
  scope: string;
  count: number;
  sum: number;
  p50: number | null;
  p90: number | null;
  unit: string | null;
};

/** A period whose rollups are behind its measurements; `generation` counts the marks. */
export type StalePeriodRow = {
  metric: string;
  period: 'week' | 'month';
  period_start: string;
  generation: number;
};

const numberOrNull = (value: unknown) =>
  value === null ? null : Number(value);

/** A rollup's figures as numbers: PostgreSQL's sums and counts come as strings. */
export function rollupFigures(row: {
  count: unknown;
  sum: unknown;
  p50: unknown;
  p90: unknown;
}): Pick<RollupRow, 'count' | 'sum' | 'p50' | 'p90'> {
  return {
    count: Number(row.count),
    sum: Number(row.sum),
    p50: numberOrNull(row.p50),
    p90: numberOrNull(row.p90),
  };
}
