/**
 * The numbers Release Watch reports. Durations are stored and reported in
 * the unit named here, so a target in config reads the way people say it
 * ("3 hours", "15 minutes").
 */
export type BuiltInMetric =
  | 'time_to_production'
  | 'ci_feedback'
  | 'deployment_frequency'
  | 'lead_time'
  | 'change_failure_rate'
  | 'time_to_restore'
  | 'deployment_rework_rate';

/** A built-in metric, or `metric:<name>` for a pushed metric sample series (e.g. `metric:page_load`). */
export type MetricId = BuiltInMetric | `metric:${string}`;

/** Which figure of a period stands for it: the median of durations, a count, a share. */
export type Headline = 'median' | 'count' | 'rate';

export type MetricDefinition = {
  id: MetricId;
  title: string;
  unit: string;
  headline: Headline;
  /** True when smaller is better (durations, failure rate). */
  lowerIsBetter: boolean;
};

export const BUILT_IN_METRICS: Record<BuiltInMetric, MetricDefinition> = {
  time_to_production: {
    id: 'time_to_production',
    title: 'Time to production',
    unit: 'hours',
    headline: 'median',
    lowerIsBetter: true,
  },
  ci_feedback: {
    id: 'ci_feedback',
    title: 'CI feedback time',
    unit: 'minutes',
    headline: 'median',
    lowerIsBetter: true,
  },
  deployment_frequency: {
    id: 'deployment_frequency',
    title: 'Deployment frequency',
    unit: 'deploys per week',
    headline: 'count',
    lowerIsBetter: false,
  },
  lead_time: {
    id: 'lead_time',
    title: 'Lead time for changes',
    unit: 'hours',
    headline: 'median',
    lowerIsBetter: true,
  },
  change_failure_rate: {
    id: 'change_failure_rate',
    title: 'Change failure rate',
    unit: '%',
    headline: 'rate',
    lowerIsBetter: true,
  },
  time_to_restore: {
    id: 'time_to_restore',
    // The name DORA has used since its 2023 report.
    title: 'Failed deployment recovery time',
    unit: 'hours',
    headline: 'median',
    lowerIsBetter: true,
  },
  deployment_rework_rate: {
    id: 'deployment_rework_rate',
    title: 'Deployment rework rate',
    unit: '%',
    headline: 'rate',
    lowerIsBetter: true,
  },
};

/** The metric ids a config or a query may name, for error messages. */
export const METRIC_CHOICES = `${Object.keys(BUILT_IN_METRICS).join(
  ', ',
)}, or metric:<name>`;

/** The definition of a built-in metric, or of a sample series with the given unit. */
export function metricDefinition(
  id: MetricId,
  sampleUnit = '',
): MetricDefinition {
  if (id in BUILT_IN_METRICS) {
    return BUILT_IN_METRICS[id as BuiltInMetric];
  }
  const name = id.slice('metric:'.length);
  return {
    id,
    title: name.replace(/[_-]+/g, ' '),
    unit: sampleUnit,
    headline: 'median',
    lowerIsBetter: true,
  };
}

export function isMetricId(value: string): value is MetricId {
  return (
    value in BUILT_IN_METRICS || /^metric:[A-Za-z0-9_.-]{1,100}$/.test(value)
  );
}
