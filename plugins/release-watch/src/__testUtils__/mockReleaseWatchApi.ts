import { OkrReport } from '@internal/plugin-release-watch-common';
import { ReleaseWatchApi, ReportQuery } from '../api/ReleaseWatchApi';

/** A `getOkrReports` answering any query with `reports`, over the query's period and range. */
export function answerOkrReports(reports: OkrReport[]) {
  return async (query: ReportQuery) => ({
    period: query.period,
    from: query.from,
    to: query.to,
    reports,
  });
}

/** Every method a jest mock resolving to an empty answer; override what a test needs. */
export function mockReleaseWatchApi(): jest.Mocked<ReleaseWatchApi> {
  return {
    getOkrReports: jest.fn().mockImplementation(answerOkrReports([])),
    getSeries: jest.fn().mockImplementation(async query => ({
      metric: query.metric,
      title: query.metric,
      unit: '',
      scope: { kind: 'org' },
      period: query.period,
      points: [],
    })),
    getReleases: jest.fn().mockResolvedValue({
      releases: [],
      count: 0,
      deployed: 0,
      medianHours: null,
      p90Hours: null,
      targetHours: null,
      shareUnderTarget: null,
      report: [],
    }),
    getScopes: jest.fn().mockResolvedValue({ groups: [], entities: [] }),
    getEnvironments: jest.fn().mockImplementation(async query => ({
      from: `${query.from}T00:00:00.000Z`,
      to: `${query.to}T23:59:59.999Z`,
      environments: [],
    })),
    getSummary: jest.fn().mockImplementation(async query => ({
      scope: { kind: 'org' },
      from: query.from,
      to: query.to,
      keys: [],
    })),
    getTeams: jest.fn().mockImplementation(async query => ({
      from: query.from,
      to: query.to,
      teams: [],
    })),
  };
}
