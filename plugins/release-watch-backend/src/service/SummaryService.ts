import {
  bandOf,
  BUILT_IN_METRICS,
  BuiltInMetric,
  DORA_KEYS,
  KeySummary,
  MetricDefinition,
  Scope,
} from '@internal/plugin-release-watch-common';
import { createHash } from 'node:crypto';
import { MeasurementsSummary } from '../store/operations/summarizeMeasurements';
import { Range, weekStart } from '../store/periods';
import { ReportStore } from '../store/ReportStore';
import { StoreScope } from '../store/scoped';
import { keyTrend } from './reports/keyTrend';
import { SummaryCache } from './SummaryCache';

const DAY_MS = 86_400_000;
/** The trend compares the range's last this many days with as many before them. */
export const TREND_DAYS = 28;

const trendWindows = (range: Range) => {
  const window = TREND_DAYS * DAY_MS;
  const latest = { from: range.to - window + 1, to: range.to };
  const previous = { from: latest.from - window, to: latest.from - 1 };
  return { latest, previous };
};

/** Whose numbers, as a cache key: a team's by the entities it owns now. */
function scopeKey(scope: StoreScope): string {
  if (scope.kind === 'owner') {
    const refs = createHash('sha256')
      .update(scope.entityRefs.join('\n'))
      .digest('hex');
    return `owner:${scope.owner}:${refs}`;
  }
  if (scope.kind === 'group') return `group:${scope.group}`;
  if (scope.kind === 'entity') return `entity:${scope.entityRef}`;
  return 'org';
}

/**
 * The five DORA keys of a scope over a range: headline, band and trend.
 * Computed from the measurements (exact medians over the range), and kept
 * until the organisation's weekly rollups of the weeks they span change, or
 * a team's entities do.
 */
export class SummaryService {
  private readonly cache = new SummaryCache();

  constructor(
    private readonly store: Pick<
      ReportStore,
      'summary' | 'resolveScope' | 'rollupFingerprints'
    >,
    /** Waits for the rollups to include everything ingested so far. */
    private readonly settle: () => Promise<void>,
  ) {}

  async keys(scope: Scope, range: Range): Promise<KeySummary[]> {
    await this.settle();
    const [resolved, fingerprints] = await Promise.all([
      this.store.resolveScope(scope),
      this.store.rollupFingerprints({
        metrics: DORA_KEYS,
        fromWeek: weekStart(
          Math.min(range.from, trendWindows(range).previous.from),
        ),
        toWeek: weekStart(range.to),
      }),
    ]);
    const key = [scopeKey(resolved), range.from, range.to].join('|');
    const keys = await Promise.all(
      DORA_KEYS.map(metric =>
        this.cache.get(`${metric}|${key}|${fingerprints.get(metric)}`, () =>
          this.key(metric, scope, range),
        ),
      ),
    );
    return keys.every(k => k.count === 0) ? keys.map(withoutEvents) : keys;
  }

  private async key(
    metric: BuiltInMetric,
    scope: Scope,
    range: Range,
  ): Promise<KeySummary> {
    const definition = BUILT_IN_METRICS[metric];
    const { latest, previous } = trendWindows(range);
    const [whole, last, before] = await Promise.all(
      [range, latest, previous].map(span =>
        this.store.summary({
          metric,
          scope,
          range: span,
          median: definition.headline === 'median',
        }),
      ),
    );
    const value = figure(definition, whole, range);
    const band = bandOf(metric, value);
    return {
      metric,
      title: definition.title,
      unit: definition.unit,
      lowerIsBetter: definition.lowerIsBetter,
      count: whole.count,
      value,
      band: band.band,
      noBandReason: band.reason ?? null,
      trend: keyTrend(
        figure(definition, last, latest),
        figure(definition, before, previous),
        definition.lowerIsBetter,
      ),
    };
  }
}

/**
 * A scope nothing was measured for in the range: 0 deploys a week would
 * read as a Low band, when Release Watch has simply seen none of its events.
 */
function withoutEvents(key: KeySummary): KeySummary {
  return key.value === null
    ? key
    : {
        ...key,
        value: null,
        band: null,
        noBandReason: 'No events in the range',
        trend: null,
      };
}

/** Deploys per week of the span, the median, or the mean of 0/100 rates. */
function figure(
  definition: MetricDefinition,
  summary: MeasurementsSummary,
  span: Range,
): number | null {
  if (definition.headline === 'count') {
    return summary.count / ((span.to - span.from + 1) / (7 * DAY_MS));
  }
  if (definition.headline === 'rate') {
    return summary.count ? summary.sum / summary.count : null;
  }
  return summary.median;
}
