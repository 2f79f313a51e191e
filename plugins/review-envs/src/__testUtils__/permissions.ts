import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Makes the mocked `usePermission` allow exactly the named permissions.
 * Tests mock the hook because its answers are cached across renders (and so
 * across tests). Each test file using this needs:
 *
 *   jest.mock('@backstage/plugin-permission-react', () => ({
 *     ...jest.requireActual('@backstage/plugin-permission-react'),
 *     usePermission: jest.fn(),
 *   }));
 */
export function grantPermissions(allowed: string[]) {
  (
    usePermission as jest.MockedFunction<typeof usePermission>
  ).mockImplementation(({ permission }) => ({
    loading: false,
    allowed: allowed.includes(permission.name),
  }));
}
