import { TenantScaffolderApi } from '../api/TenantScaffolderApi';

/** Every method a jest mock with an empty or refusing answer; override what a test needs. */
export function mockTenantScaffolderApi(): jest.Mocked<TenantScaffolderApi> {
  const notFound = () => Promise.reject(new Error('not found'));
  return {
    listTenants: jest.fn().mockResolvedValue([]),
    getTenant: jest.fn().mockImplementation(notFound),
    getHistory: jest.fn().mockResolvedValue([]),
    getLedger: jest.fn().mockResolvedValue([]),
    updateSettings: jest.fn().mockImplementation(notFound),
    upgradeToPaid: jest.fn().mockImplementation(notFound),
    deleteTenant: jest.fn().mockImplementation(notFound),
    getSlugAvailability: jest
      .fn()
      .mockImplementation(async slug => ({ slug, available: true })),
    listFleetUpgrades: jest.fn().mockResolvedValue([]),
    startFleetUpgrade: jest.fn().mockImplementation(notFound),
    getFleetUpgrade: jest.fn().mockImplementation(notFound),
    resumeFleetUpgrade: jest.fn().mockImplementation(notFound),
    cancelFleetUpgrade: jest.fn().mockImplementation(notFound),
    retryFleetUpgradeTenant: jest.fn().mockImplementation(notFound),
  };
}

/** What `ResponseError` looks like to the components: status, and the backend's JSON error. */
export function responseError(
  statusCode: number,
  error: { name: string; message: string; problems?: unknown[] },
): Error {
  return Object.assign(new Error(`Request failed with ${statusCode}`), {
    name: 'ResponseError',
    statusCode,
    body: {
      error,
      request: { method: 'GET', url: '/' },
      response: { statusCode },
    },
    cause: Object.assign(new Error(error.message), { name: error.name }),
  });
}
