import '@testing-library/jest-dom';

// The real `usePermission` caches its answers across renders, and so across
// tests: every test of this package gets a mock instead, and says what it
// allows with `grantPermissions` (see __testUtils__/permissions).
jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));
