import {
  KeySummary,
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

/** A DORA key's summary: lead time of 30 hours (High), falling. */
export function keySummary(overrides: Partial<KeySummary> = {}): KeySummary {
  return {
    metric: 'lead_time',
    title: 'Lead time for changes',
    unit: 'hours',
    lowerIsBetter: true,
    count: 12,
    value: 30,
    band: 'high',
    noBandReason: null,
    trend: { latest: 20, previous: 40, direction: 'down', verdict: 'better' },
    ...overrides,
  };
}

/** The five keys: 8 deploys a week (Elite) down, and no band for rework rate. */
export function fiveKeys(): KeySummary[] {
  return [
    keySummary({
      metric: 'deployment_frequency',
      title: 'Deployment frequency',
      unit: 'deploys per week',
      lowerIsBetter: false,
      value: 8,
      band: 'elite',
      trend: { latest: 6, previous: 10, direction: 'down', verdict: 'worse' },
    }),
    keySummary(),
    keySummary({
      metric: 'change_failure_rate',
      title: 'Change failure rate',
      unit: '%',
      value: 12,
      band: 'medium',
      trend: { latest: 12, previous: 12, direction: 'flat', verdict: 'same' },
    }),
    keySummary({
      metric: 'time_to_restore',
      title: 'Failed deployment recovery time',
      count: 0,
      value: null,
      band: null,
      noBandReason: 'No data in the range',
      trend: null,
    }),
    keySummary({
      metric: 'deployment_rework_rate',
      title: 'Deployment rework rate',
      unit: '%',
      value: 4,
      band: null,
      noBandReason:
        'The 2023 DORA report defines no performance band for deployment rework rate',
      trend: null,
    }),
  ];
}
