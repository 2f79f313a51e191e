import {
  Headline,
  metricDefinition,
  MetricId,
  Okr,
  OkrReport,
  Period,
  Scope,
  SeriesPoint,
  SeriesResponse,
} from '@internal/plugin-release-watch-common';
import { okrsFor } from '../okrs/okrsFor';
import { expectedOn, forecastOn, okrStatus } from '../okrs/trajectory';
import { periodStarts, Range, weeksIn } from '../store/periods';
import { ReportStore } from '../store/ReportStore';
import { RollupStore } from '../store/RollupStore';
import { RollupRow } from '../store/tables';

/** The numbers per period that the page and the OKR watch read: metric series and OKR reports. */
export class ReportService {
  constructor(
    private readonly rollups: RollupStore,
    private readonly store: Pick<
      ReportStore,
      'meetingTarget' | 'periodFigures'
    >,
    private readonly okrs: { all(): Promise<Okr[]> },
  ) {}

  async series(options: {
    metric: MetricId;
    scope: Scope;
    period: Period;
    range: Range;
  }): Promise<SeriesResponse> {
    const { metric, scope, period, range } = options;
    const starts = periodStarts(period, range.from, range.to);
    const window = {
      metric,
      period,
      scope,
      from: starts[0],
      to: starts[starts.length - 1],
    };
    // A team's figures are computed from its entities' measurements: teams
    // change with the catalog, so they have no rollups.
    const rows =
      scope.kind === 'owner'
        ? await this.store.periodFigures(window)
        : await this.rollups.read(window);
    const definition = metricDefinition(metric, rows[0]?.unit ?? '');
    const byStart = new Map(rows.map(row => [row.period_start, row]));
    const points: SeriesPoint[] = starts.map(start => {
      const row = byStart.get(start);
      if (!row) {
        return {
          periodStart: start,
          count: 0,
          value: definition.headline === 'count' ? 0 : null,
          median: null,
          p90: null,
        };
      }
      return {
        periodStart: start,
        count: row.count,
        value: headline(definition.headline, row, period),
        median: row.p50,
        p90: row.p90,
      };
    });
    return {
      metric,
      title: definition.title,
      unit: definition.unit,
      scope,
      period,
      points,
    };
  }

  /** The objectives that apply to a scope, scoped to it. */
  async okrsFor(filter: Scope): Promise<Okr[]> {
    return okrsFor(await this.okrs.all(), filter);
  }

  async okrReports(
    filter: Scope,
    period: Period,
    range: Range,
  ): Promise<OkrReport[]> {
    return Promise.all(
      (await this.okrsFor(filter)).map(okr =>
        this.okrReport(okr, period, range),
      ),
    );
  }

  private async okrReport(
    okr: Okr,
    period: Period,
    range: Range,
  ): Promise<OkrReport> {
    const { points } = await this.series({
      metric: okr.metric,
      scope: okr.scope,
      period,
      range,
    });
    const latest = [...points].reverse().find(p => p.count > 0);
    const current = latest?.value ?? null;
    const expectedNow = latest ? expectedOn(okr, latest.periodStart) : null;
    // Every metric here is a duration, count, share or sample: never below 0.
    const trend = forecastOn(points, okr.dueDate);
    const forecastAtDue = trend === undefined ? null : Math.max(0, trend);
    let shareMeetingTarget: number | null = null;
    if (latest && metricDefinition(okr.metric).headline === 'median') {
      const { total, meeting } = await this.store.meetingTarget(
        okr,
        period,
        latest.periodStart,
      );
      shareMeetingTarget = total ? meeting / total : null;
    }
    return {
      okr,
      current,
      currentPeriodStart: latest?.periodStart ?? null,
      change: current === null ? null : current - okr.baseline,
      expectedNow,
      forecastAtDue,
      status: okrStatus({
        current,
        expectedNow,
        forecastAtDue,
        target: okr.target,
        lowerIsBetter: okr.lowerIsBetter,
      }),
      shareMeetingTarget,
      points,
    };
  }
}

/** The figure that stands for a period: its median, its count per week, or its mean (a rate). */
function headline(
  kind: Headline,
  row: RollupRow,
  period: Period,
): number | null {
  if (kind === 'count') {
    return row.count / weeksIn(period, row.period_start);
  }
  if (kind === 'rate') {
    return row.count ? row.sum / row.count : null;
  }
  return row.p50;
}
