import {
  EnvironmentFigures,
  TenantReleaseWatchApi,
} from '../api/TenantReleaseWatchApi';

/** A tenant's figures with nothing reported; override what a test needs. */
export function environmentFigures(
  overrides: Partial<EnvironmentFigures> = {},
): EnvironmentFigures {
  return {
    environment: 'tenant-acme',
    deployments: 0,
    deploysPerWeek: 0,
    failedDeployments: 0,
    changeFailureRate: null,
    incidents: 0,
    lastVersion: null,
    lastDeployedAt: null,
    metric: null,
    ...overrides,
  };
}

/** Answers every tenant with nothing reported yet. */
export function mockTenantReleaseWatchApi(): jest.Mocked<TenantReleaseWatchApi> {
  return {
    getTenantFigures: jest
      .fn()
      .mockImplementation(async slug =>
        environmentFigures({ environment: `tenant-${slug}` }),
      ),
  };
}
