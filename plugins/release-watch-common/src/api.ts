import { MetricId } from './metrics';

/**
 * Whose numbers: the whole organisation, a group (`frontend`, `backend`:
 * from the entity's tags or `spec.type`), or one catalog entity.
 */
export type Scope =
  | { kind: 'org' }
  | { kind: 'group'; group: string }
  | { kind: 'entity'; entityRef: string };

export type Period = 'week' | 'month';

/** One period of a metric. Durations in the metric's unit. */
export type SeriesPoint = {
  /** First day of the period, `YYYY-MM-DD` (weeks start on Monday, UTC). */
  periodStart: string;
  /** Measurements in the period (releases, CI runs, deployments, samples). */
  count: number;
  /** The figure that stands for the period: median, count per week, or rate in %. */
  value: number | null;
  median: number | null;
  p90: number | null;
};

/** `GET /series?metric=&scope=&period=&from=&to=` */
export type SeriesResponse = {
  metric: MetricId;
  title: string;
  unit: string;
  scope: Scope;
  period: Period;
  points: SeriesPoint[];
};

/** An objective as declared in config or in a catalog annotation. */
export type Okr = {
  id: string;
  title: string;
  metric: MetricId;
  scope: Scope;
  unit: string;
  baseline: number;
  target: number;
  /** `YYYY-MM-DD`: when the baseline was measured (the trajectory starts here). */
  startDate: string;
  /** `YYYY-MM-DD`: when the target is due. */
  dueDate: string;
  lowerIsBetter: boolean;
  /** Entity refs notified when the objective goes off course. */
  owners: string[];
  /** `config` or the entity ref whose annotation declared it. */
  declaredBy: string;
};

export type OkrStatus = 'on-track' | 'off-course' | 'no-data';

export type OkrReport = {
  okr: Okr;
  /** The headline of the latest period with data in the range. */
  current: number | null;
  currentPeriodStart: string | null;
  /** current - baseline, in the metric's unit. */
  change: number | null;
  /** Where the straight line from baseline to target stands at the current period. */
  expectedNow: number | null;
  /** Least-squares trend over the range, extended to the due date. */
  forecastAtDue: number | null;
  status: OkrStatus;
  /** Share (0..1) of measurements in the range at or better than target; null for counts and rates. */
  shareMeetingTarget: number | null;
  points: SeriesPoint[];
};

/** `GET /okrs?period=&from=&to=&group=&entityRef=` */
export type OkrReportResponse = {
  period: Period;
  from: string;
  to: string;
  reports: OkrReport[];
};

/** One release and how long it took to reach production. */
export type ReleaseSummary = {
  entityRef: string | null;
  group: string | null;
  version: string;
  startedAt: string;
  /** First successful production deployment of this version; null while not deployed. */
  deployedAt: string | null;
  timeToProductionHours: number | null;
  /** Past the upper fence (Q3 + 1.5 IQR) of the releases listed and slower than the target; with fewer than four releases, slower than the target. */
  outlier: boolean;
};

/** `GET /releases?from=&to=&group=&entityRef=` */
export type ReleasesResponse = {
  releases: ReleaseSummary[];
  count: number;
  deployed: number;
  medianHours: number | null;
  p90Hours: number | null;
  targetHours: number | null;
  shareUnderTarget: number | null;
  /** The hand-written sprint report, from data: "backend: 4 of 5 releases under 3 hours, one outlier at 24 hours". */
  report: string[];
};

/** `GET /deployments?period=&from=&to=[&group=|&entityRef=]`: successful production deployments per environment (per tenant, where each tenant has its own). */
export type DeploymentsByEnvironmentResponse = {
  period: Period;
  environments: Array<{
    environment: string;
    total: number;
    points: Array<{ periodStart: string; count: number }>;
  }>;
};
