import { SeriesResponse } from '@internal/plugin-release-watch-common';
import {
  metricOf,
  periodOf,
  rangeOf,
  ReportQuery,
  scopeOf,
} from '../queryParams';
import { ReportService } from '../ReportService';

export interface GetSeriesModel {
  getSeries(query: ReportQuery & { metric: string }): Promise<SeriesResponse>;
}

export class GetSeriesModelImpl implements GetSeriesModel {
  constructor(
    private readonly reports: Pick<ReportService, 'series'>,
    /** Waits for the rollups to include everything ingested so far. */
    private readonly settle: () => Promise<void>,
  ) {}

  async getSeries(query: ReportQuery & { metric: string }) {
    const request = {
      metric: metricOf(query.metric),
      scope: scopeOf(query),
      period: periodOf(query),
      range: rangeOf(query),
    };
    await this.settle();
    return this.reports.series(request);
  }
}
