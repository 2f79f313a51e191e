import { BuiltInMetric } from './metrics';

/**
 * DORA's software delivery performance clusters, best first, as the 2023
 * Accelerate State of DevOps Report (Google Cloud DORA) names them.
 */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

export const DORA_BANDS: DoraBand[] = ['elite', 'high', 'medium', 'low'];

/** DORA's five keys, in the order its reports list them. */
export const DORA_KEYS: BuiltInMetric[] = [
  'deployment_frequency',
  'lead_time',
  'change_failure_rate',
  'time_to_restore',
  'deployment_rework_rate',
];

/** The edition the thresholds come from, for captions and the README. */
export const BAND_EDITION = '2023 Accelerate State of DevOps Report (DORA)';

/** A value meets a bound when it is below (`<`), at or below (`<=`), or at or above (`>=`) it. */
type Bound = { op: '<' | '<=' | '>='; limit: number };

/**
 * Per DORA key, the bounds of Elite, High and Medium, in the metric's unit;
 * a value meeting none is Low. Where 2023's Low shares Medium's range
 * (deployment frequency, lead time), a value past Medium's bound is Low.
 */
export const BAND_THRESHOLDS: Partial<
  Record<BuiltInMetric, Record<'elite' | 'high' | 'medium', Bound>>
> = {
  // Deploys per week: on demand (daily or more), at least weekly, at least
  // monthly (12 a year).
  deployment_frequency: {
    elite: { op: '>=', limit: 7 },
    high: { op: '>=', limit: 1 },
    medium: { op: '>=', limit: 12 / 52 },
  },
  // Hours: less than a day, up to a week, up to a month (30 days).
  lead_time: {
    elite: { op: '<', limit: 24 },
    high: { op: '<=', limit: 168 },
    medium: { op: '<=', limit: 720 },
  },
  // %: the clusters' rates, 5, 10 and 15 (Low's is 64).
  change_failure_rate: {
    elite: { op: '<=', limit: 5 },
    high: { op: '<=', limit: 10 },
    medium: { op: '<=', limit: 15 },
  },
  // Hours: less than an hour, less than a day, up to a week.
  time_to_restore: {
    elite: { op: '<', limit: 1 },
    high: { op: '<', limit: 24 },
    medium: { op: '<=', limit: 168 },
  },
};

/** Why a metric has no band: the keys DORA's 2023 clusters do not cover. */
export const NO_BAND_REASONS: Partial<Record<string, string>> = {
  deployment_rework_rate:
    'The 2023 DORA report defines no performance band for deployment rework rate',
};

/** A value's band, or why there is none. */
export type BandResult =
  | { band: DoraBand; reason?: undefined }
  | { band: null; reason: string };

const meets = (value: number, { op, limit }: Bound) => {
  if (op === '<') return value < limit;
  if (op === '<=') return value <= limit;
  return value >= limit;
};

/** Whether a metric is one of the keys DORA's 2023 clusters band. */
export function hasBand(metric: string): boolean {
  return metric in BAND_THRESHOLDS;
}

/**
 * The best band whose bound the value meets, in the metric's unit (deploys
 * per week, hours, %); Low when it meets none.
 */
export function bandOf(
  metric: string,
  value: number | null | undefined,
): BandResult {
  const bounds = BAND_THRESHOLDS[metric as BuiltInMetric];
  if (!bounds) {
    return {
      band: null,
      reason: NO_BAND_REASONS[metric] ?? 'Not one of the DORA keys',
    };
  }
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return { band: null, reason: 'No data in the range' };
  }
  for (const band of ['elite', 'high', 'medium'] as const) {
    if (meets(value, bounds[band])) {
      return { band };
    }
  }
  return { band: 'low' };
}

/** `Elite`, `High`, `Medium`, `Low`. */
export function bandLabel(band: DoraBand): string {
  return band.charAt(0).toUpperCase() + band.slice(1);
}
