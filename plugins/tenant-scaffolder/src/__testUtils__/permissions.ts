import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Makes the mocked `usePermission` allow exactly the named permissions, or
 * all of them. Tests mock the hook because its answers are cached across
 * renders. Each test file needs:
 *
 *   jest.mock('@backstage/plugin-permission-react', () => ({
 *     ...jest.requireActual('@backstage/plugin-permission-react'),
 *     usePermission: jest.fn(),
 *   }));
 */
export function grantPermissions(allowed: 'all' | string[]) {
  (
    usePermission as jest.MockedFunction<typeof usePermission>
  ).mockImplementation(({ permission }) => ({
    loading: false,
    allowed: allowed === 'all' || allowed.includes(permission.name),
  }));
}
