import { OkrReportResponse } from '@internal/plugin-release-watch-common';
import { periodOf, rangeOf, ReportQuery, scopeOf } from '../queryParams';
import { ReportService } from '../ReportService';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GetOkrReportsModel {
  getOkrReports(query: ReportQuery): Promise<OkrReportResponse>;
}

export class GetOkrReportsModelImpl implements GetOkrReportsModel {
  constructor(
    private readonly reports: Pick<ReportService, 'okrReports'>,
    /** Waits for the rollups to include everything ingested so far. */
    private readonly settle: () => Promise<void>,
  ) {}

  async getOkrReports(query: ReportQuery) {
    const scope = scopeOf(query);
    const period = periodOf(query);
    const range = rangeOf(query);
    await this.settle();
    return {
      period,
      from: isoDay(range.from),
      to: isoDay(range.to),
      reports: await this.reports.okrReports(scope, period, range),
    };
  }
}
