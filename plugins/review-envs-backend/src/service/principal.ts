import { BackstageCredentials } from '@backstage/backend-plugin-api';

/** A user's entity ref, or a service's subject: who the caller is, for holders and history. */
export function principalId(credentials: BackstageCredentials): string {
  const { principal } = credentials as BackstageCredentials<
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
  >;
  return principal.type === 'user'
    ? principal.userEntityRef
    : principal.subject;
}
