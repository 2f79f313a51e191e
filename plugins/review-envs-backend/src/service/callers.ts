import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { callerResolver } from '@internal/backend-plugin-utils';
import type { Request } from 'express';

/**
 * Who may call a route beyond "signed in" (see the README's Authorization
 * matrix):
 *
 * - `user`: a signed-in person. Service tokens are refused: the permission
 *   framework allows every service every permission, and a CI pipeline's
 *   static token must not force-release a lock or tear down an environment.
 * - `external-service`: a token of `backend.auth.externalAccess` (a CI
 *   pipeline or git host). Users are refused, and so are other backend
 *   plugins (subject `plugin:<id>`), which report no pull requests.
 */
export type CallerKind = 'user' | 'external-service';

/**
 * Resolves a request's caller like `callerResolver` (no or bad credentials:
 * 401) and requires it to be of `kind`, whatever the permission policy
 * says; any other caller gets 403 with `refusal` and why.
 */
export function callerOfKind(
  httpAuth: HttpAuthService,
  kind: CallerKind,
  refusal: string,
) {
  const caller = callerResolver(httpAuth);
  return async (req: Request) => {
    const resolved = await caller(req);
    const { principal } = resolved.credentials as BackstageCredentials<
      { type: 'user' } | { type: 'service'; subject: string }
    >;
    if (kind === 'user' && principal.type !== 'user') {
      throw new NotAllowedError(
        `${refusal}: only a signed-in user may do this, not the service ${resolved.id}`,
      );
    }
    if (
      kind === 'external-service' &&
      (principal.type !== 'service' || principal.subject.startsWith('plugin:'))
    ) {
      throw new NotAllowedError(
        `${refusal}: only a service token of backend.auth.externalAccess (a CI pipeline) may do this, not ${
          principal.type === 'user'
            ? `the user ${resolved.id}`
            : `the backend plugin ${resolved.id}`
        }`,
      );
    }
    return resolved;
  };
}
