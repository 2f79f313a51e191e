import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import useAsync from 'react-use/esm/useAsync';

/** The signed-in user's entity ref, e.g. `user:default/guest`. */
export function useCurrentUserRef(): string | undefined {
  const identityApi = useApi(identityApiRef);
  const { value } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  return value;
}
