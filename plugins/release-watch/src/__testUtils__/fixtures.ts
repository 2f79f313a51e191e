import {
  OkrReport,
  ReleasesResponse,
  ReleaseSummary,
} from '@internal/plugin-release-watch-common';

/** Time to production for the backend group, falling from 30 towards 3 hours. */
export function okrReport(overrides: Partial<OkrReport> = {}): OkrReport {
  return {
    okr: {
      id: 'time-to-production-backend',
      title: 'Time to production, backend',
      metric: 'time_to_production',
      scope: { kind: 'group', group: 'backend' },
      unit: 'hours',
      baseline: 30,
      target: 3,
      startDate: '2026-01-05',
      dueDate: '2026-06-29',
      lowerIsBetter: true,
      owners: ['group:default/backend-team'],
      declaredBy: 'config',
    },
    current: 8,
    currentPeriodStart: '2026-03-23',
    change: -22,
    expectedNow: 17.5,
    forecastAtDue: 2.5,
    status: 'on-track',
    shareMeetingTarget: 0.25,
    points: [
      { periodStart: '2026-03-02', count: 3, value: 20, median: 20, p90: 26 },
      {
        periodStart: '2026-03-09',
        count: 0,
        value: null,
        median: null,
        p90: null,
      },
      { periodStart: '2026-03-16', count: 4, value: 12, median: 12, p90: 18 },
      { periodStart: '2026-03-23', count: 5, value: 8, median: 8, p90: 11 },
    ],
    ...overrides,
  };
}

export function release(
  overrides: Partial<ReleaseSummary> = {},
): ReleaseSummary {
  return {
    entityRef: 'component:default/orders-api',
    group: 'backend',
    version: '1.4.0',
    startedAt: '2026-03-24T09:00:00.000Z',
    deployedAt: '2026-03-24T11:30:00.000Z',
    timeToProductionHours: 2.5,
    outlier: false,
    ...overrides,
  };
}

export function releasesResponse(
  overrides: Partial<ReleasesResponse> = {},
): ReleasesResponse {
  return {
    releases: [
      release(),
      release({
        version: '1.5.0',
        startedAt: '2026-03-25T09:00:00.000Z',
        deployedAt: '2026-03-26T09:00:00.000Z',
        timeToProductionHours: 24,
        outlier: true,
      }),
      release({
        version: '1.6.0',
        startedAt: '2026-03-27T09:00:00.000Z',
        deployedAt: null,
        timeToProductionHours: null,
      }),
    ],
    count: 3,
    deployed: 2,
    medianHours: 2.5,
    p90Hours: 24,
    targetHours: 3,
    shareUnderTarget: 0.5,
    report: ['backend: 1 of 2 releases under 3 hours, one outlier at 24 hours'],
    ...overrides,
  };
}
