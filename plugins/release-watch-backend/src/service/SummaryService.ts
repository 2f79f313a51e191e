import {
  bandOf,
  BUILT_IN_METRICS,
  BuiltInMetric,
  DORA_KEYS,
  KeySummary,
  MetricDefinition,
  Scope,
} from '@internal/plugin-release-watch-common';
import { MeasurementsSummary } from '../store/operations/summarizeMeasurements';
import { Range } from '../store/periods';
import { ReportStore } from '../store/ReportStore';
import { keyTrend } from './reports/keyTrend';

const DAY_MS = 86_400_000;
/** The trend compares the range's last this many days with as many before them. */
export const TREND_DAYS = 28;

/** The five DORA keys of a scope over a range: headline, band and trend. */
export class SummaryService {
  constructor(private readonly store: Pick<ReportStore, 'summary'>) {}

  keys(scope: Scope, range: Range): Promise<KeySummary[]> {
    return Promise.all(DORA_KEYS.map(metric => this.key(metric, scope, range)));
  }

  private async key(
    metric: BuiltInMetric,
    scope: Scope,
    range: Range,
  ): Promise<KeySummary> {
    const definition = BUILT_IN_METRICS[metric];
    const window = TREND_DAYS * DAY_MS;
    const latest = { from: range.to - window + 1, to: range.to };
    const previous = { from: latest.from - window, to: latest.from - 1 };
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
