import { OkrReport } from '@internal/plugin-release-watch-common';
import { scopeId } from '../format/formatScope';
import { roundForCsv, toCsv } from './toCsv';

const HEADER = [
  'objective',
  'metric',
  'scope',
  'unit',
  'current',
  'current_period_start',
  'target',
  'baseline',
  'change',
  'expected_now',
  'forecast_at_due',
  'start_date',
  'due_date',
  'status',
];

/** The OKR table as CSV: raw numbers in the metric's unit, one objective per line. */
export function okrReportsCsv(reports: OkrReport[]): string {
  return toCsv(
    HEADER,
    reports.map(report => [
      report.okr.title,
      report.okr.metric,
      scopeId(report.okr.scope),
      report.okr.unit,
      roundForCsv(report.current),
      report.currentPeriodStart,
      report.okr.target,
      report.okr.baseline,
      roundForCsv(report.change),
      roundForCsv(report.expectedNow),
      roundForCsv(report.forecastAtDue),
      report.okr.startDate,
      report.okr.dueDate,
      report.status,
    ]),
  );
}
