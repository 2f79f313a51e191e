import { NotAllowedError } from '@backstage/errors';
import {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { Request } from 'express';

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

/** Resolves a request's caller: a signed-in user or a service token, nobody else. */
export function callerResolver(httpAuth: HttpAuthService) {
  return async (req: Request) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    return { credentials, id: principalId(credentials) };
  };
}

/**
 * Resolves a request's caller and requires it to be one of the named
 * backend services (e.g. `plugin:scaffolder`), whatever the permission
 * policy says: a user, or any other service such as a CI pipeline's static
 * token, gets 403 with `refusal` and why. No credentials: 401.
 */
export function serviceCallerResolver(
  httpAuth: HttpAuthService,
  subjects: string[],
  refusal: string,
) {
  const caller = callerResolver(httpAuth);
  return async (req: Request) => {
    const resolved = await caller(req);
    const { principal } = resolved.credentials as BackstageCredentials<
      { type: 'user' } | { type: 'service'; subject: string }
    >;
    if (principal.type !== 'service' || !subjects.includes(principal.subject)) {
      throw new NotAllowedError(
        `${refusal}: only ${subjects.join(' or ')} may call this, not ${
          principal.type === 'user' ? 'a user' : `the service ${resolved.id}`
        }`,
      );
    }
    return resolved;
  };
}

/**
 * Resolves a request's caller and requires a signed-in user: for actions a
 * person takes, which no service token (a CI pipeline's included) may take
 * in their place. A service gets 403 with `refusal` and why; no
 * credentials: 401.
 */
export function userCallerResolver(httpAuth: HttpAuthService, refusal: string) {
  const caller = callerResolver(httpAuth);
  return async (req: Request) => {
    const resolved = await caller(req);
    if (resolved.credentials.principal.type !== 'user') {
      throw new NotAllowedError(
        `${refusal}: only a signed-in user may call this, not the service ${resolved.id}`,
      );
    }
    return resolved;
  };
}

/**
 * Resolves a request's caller and requires a token of
 * `backend.auth.externalAccess` (a CI pipeline or git host): users are
 * refused, and so are backend plugins (subject `plugin:<id>`). 403 with
 * `refusal` and why; no credentials: 401.
 */
export function externalServiceCallerResolver(
  httpAuth: HttpAuthService,
  refusal: string,
) {
  const caller = callerResolver(httpAuth);
  return async (req: Request) => {
    const resolved = await caller(req);
    const { principal } = resolved.credentials as BackstageCredentials<
      { type: 'user' } | { type: 'service'; subject: string }
    >;
    if (
      principal.type !== 'service' ||
      principal.subject.startsWith('plugin:')
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
