import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Makes the mocked `usePermission` allow exactly the named permissions, or
 * all of them. The hook is mocked for every test of this package, in
 * setupTests.ts, because its real answers are cached across renders.
 */
export function grantPermissions(allowed: 'all' | string[]) {
  (
    usePermission as jest.MockedFunction<typeof usePermission>
  ).mockImplementation(({ permission }) => ({
    loading: false,
    allowed: allowed === 'all' || allowed.includes(permission.name),
  }));
}
