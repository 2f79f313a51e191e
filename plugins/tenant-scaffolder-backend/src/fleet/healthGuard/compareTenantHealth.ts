/** What Release Watch reports of one tenant's production environment over the soak window. */
export type TenantHealth = {
  incidents: number;
  failedDeployments: number;
  /** The samples of the guard's metric; null when none were pushed. */
  metric: { unit: string; count: number; median: number } | null;
};

/** The guard's thresholds, as configured (see config.d.ts). */
export type HealthRule = {
  /** `metric:<name>`, or undefined to compare incidents and change failures alone. */
  metric?: string;
  metricWorseWhen: 'higher' | 'lower';
  /** A share of the not-yet-upgraded tenants' median: 0.25 is 25% worse. */
  maxMetricRegression: number;
  /** Samples each side needs before the metric is compared. */
  minSamples: number;
  /** Incidents per tenant, upgraded minus not yet upgraded. */
  maxIncidentRegression: number;
  /** Failed production deployments per tenant, upgraded minus not yet upgraded. */
  maxChangeFailureRegression: number;
};

/** One signal compared: whether it regressed past its threshold, and the figures in a sentence. */
export type HealthFinding = {
  signal: 'metric' | 'incidents' | 'change failures';
  regressed: boolean;
  text: string;
};

/**
 * Compares the tenants upgraded so far with those not yet upgraded over
 * the same window, signal by signal:
 *  - the metric: the median of each side's tenants' medians (tenants with
 *    samples); compared only when each side has `minSamples` samples in
 *    all, so a handful of samples never pauses; regressed when the upgraded
 *    side is worse by more than `maxMetricRegression` of the other's (any
 *    worsening from 0 is more);
 *  - incidents and change failures: per tenant of each side (every tenant
 *    counts, with or without any); regressed when the upgraded side's
 *    exceeds the other's by more than the threshold.
 * An empty side compares nothing.
 */
export function compareTenantHealth(
  upgraded: TenantHealth[],
  others: TenantHealth[],
  rule: HealthRule,
): HealthFinding[] {
  if (upgraded.length === 0 || others.length === 0) return [];
  const findings: HealthFinding[] = [];
  if (rule.metric) findings.push(compareMetric(upgraded, others, rule));
  findings.push(
    comparePerTenant(
      'incidents',
      upgraded,
      others,
      tenant => tenant.incidents,
      rule.maxIncidentRegression,
    ),
    comparePerTenant(
      'change failures',
      upgraded,
      others,
      tenant => tenant.failedDeployments,
      rule.maxChangeFailureRegression,
    ),
  );
  return findings;
}

function compareMetric(
  upgraded: TenantHealth[],
  others: TenantHealth[],
  rule: HealthRule,
): HealthFinding {
  const name = rule.metric!.replace(/^metric:/, '');
  const up = metricSide(upgraded);
  const base = metricSide(others);
  const short = [
    up.samples < rule.minSamples &&
      `${up.samples} sample(s) on the upgraded tenants`,
    base.samples < rule.minSamples &&
      `${base.samples} on those not yet upgraded`,
  ].filter(Boolean);
  if (up.median === undefined || base.median === undefined || short.length) {
    return {
      signal: 'metric',
      regressed: false,
      text: `${name} not compared: ${short.join(' and ') || 'no samples'}, ${
        rule.minSamples
      } needed on each side`,
    };
  }
  const unit = up.unit ?? base.unit ?? '';
  const worse =
    rule.metricWorseWhen === 'higher'
      ? up.median - base.median
      : base.median - up.median;
  // Worse by this share of the other side's median; any worsening from 0 is past every threshold.
  let regression = 0;
  if (worse > 0) {
    regression = base.median === 0 ? Infinity : worse / Math.abs(base.median);
  }
  const change =
    base.median === 0
      ? `${up.median === 0 ? '+0%' : 'from 0'}`
      : `${signed(
          Math.round(((up.median - base.median) / Math.abs(base.median)) * 100),
        )}%`;
  const regressed = regression > rule.maxMetricRegression;
  return {
    signal: 'metric',
    regressed,
    text: `${name} median ${withUnit(up.median, unit)} on ${tenants(
      up.tenants,
      'upgraded tenant',
    )} vs ${withUnit(base.median, unit)} on ${
      base.tenants
    } not yet upgraded (${change}, ${
      regressed ? 'more than' : 'within'
    } ${Math.round(rule.maxMetricRegression * 100)}% allowed)`,
  };
}

function comparePerTenant(
  signal: 'incidents' | 'change failures',
  upgraded: TenantHealth[],
  others: TenantHealth[],
  count: (tenant: TenantHealth) => number,
  maxRegression: number,
): HealthFinding {
  const perTenant = (side: TenantHealth[]) =>
    side.reduce((sum, tenant) => sum + count(tenant), 0) / side.length;
  const up = perTenant(upgraded);
  const base = perTenant(others);
  const regressed = up - base > maxRegression;
  return {
    signal,
    regressed,
    text: `${signal} ${figure(up)} per tenant on ${tenants(
      upgraded.length,
      'upgraded tenant',
    )} vs ${figure(base)} on ${others.length} not yet upgraded (${signed(
      Number(figure(up - base)),
    )}, ${regressed ? 'more than' : 'within'} ${maxRegression} allowed)`,
  };
}

/** A side's median of its tenants' medians, the samples behind it, and their unit. */
function metricSide(side: TenantHealth[]) {
  const sampled = side.flatMap(tenant =>
    tenant.metric && tenant.metric.count > 0 ? [tenant.metric] : [],
  );
  return {
    tenants: sampled.length,
    samples: sampled.reduce((sum, metric) => sum + metric.count, 0),
    median: median(sampled.map(metric => metric.median)),
    unit: sampled[0]?.unit,
  };
}

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

function figure(value: number): string {
  return String(Number(value.toFixed(2)));
}

function signed(value: number): string {
  return value >= 0 ? `+${value}` : String(value);
}

function tenants(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function withUnit(value: number, unit: string): string {
  const shown = String(Number(value.toPrecision(3)));
  if (unit === '%') return `${shown}%`;
  return unit ? `${shown} ${unit}` : shown;
}
