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
