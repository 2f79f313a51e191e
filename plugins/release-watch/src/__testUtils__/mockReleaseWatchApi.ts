import { ReleaseWatchApi } from '../api/ReleaseWatchApi';

/** Every method a jest mock resolving to an empty answer; override what a test needs. */
export function mockReleaseWatchApi(): jest.Mocked<ReleaseWatchApi> {
  return {
    getOkrReports: jest.fn().mockImplementation(async query => ({
      period: query.period,
      from: query.from,
      to: query.to,
      reports: [],
    })),
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
  };
}
