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

type Principal = { type: 'user' } | { type: 'service'; subject: string };

/**
 * Which principals a route takes beyond "signed in", whatever the
 * permission policy says (Backstage's permissions service allows every
 * service every permission), and how a refusal names who may call instead.
 */
export type CallerRule = {
  accepts(principal: Principal): boolean;
  /** The second half of a refusal: who may call, and who this caller is. */
  refuse(principal: Principal, id: string): string;
};

/**
 * Resolves a request's caller like {@link callerResolver} (no or bad
 * credentials: 401) and requires `rule` to accept it; otherwise 403 with
 * `refusal` and the rule's reason.
 */
export function restrictedCallerResolver(
  httpAuth: HttpAuthService,
  rule: CallerRule,
  refusal: string,
) {
  const caller = callerResolver(httpAuth);
  return async (req: Request) => {
    const resolved = await caller(req);
    const principal = resolved.credentials.principal as Principal;
    if (!rule.accepts(principal)) {
      throw new NotAllowedError(
        `${refusal}: ${rule.refuse(principal, resolved.id)}`,
      );
    }
    return resolved;
  };
}

const describe = (principal: Principal, id: string) =>
  principal.type === 'user' ? 'a user' : `the service ${id}`;

/** One of the named backend services (e.g. `plugin:scaffolder`); users and every other service are refused. */
export const servicesNamed = (subjects: string[]): CallerRule => ({
  accepts: principal =>
    principal.type === 'service' && subjects.includes(principal.subject),
  refuse: (principal, id) =>
    `only ${subjects.join(' or ')} may call this, not ${describe(
      principal,
      id,
    )}`,
});

/** A signed-in person: no service token (a CI pipeline's included) acts in their place. */
export const signedInUser: CallerRule = {
  accepts: principal => principal.type === 'user',
  refuse: (_principal, id) =>
    `only a signed-in user may call this, not the service ${id}`,
};

/** Any service token, a user never. */
export const anyService: CallerRule = {
  accepts: principal => principal.type === 'service',
  refuse: () => 'signed-in users may only read',
};

/**
 * A token of `backend.auth.externalAccess` (a CI pipeline or git host):
 * users are refused, and so are backend plugins (subject `plugin:<id>`).
 */
export const externalService: CallerRule = {
  accepts: principal =>
    principal.type === 'service' && !principal.subject.startsWith('plugin:'),
  refuse: (principal, id) =>
    `only a service token of backend.auth.externalAccess (a CI pipeline) may do this, not ${
      principal.type === 'user' ? `the user ${id}` : `the backend plugin ${id}`
    }`,
};

/**
 * A signed-in person, or a token of `backend.auth.externalAccess` (a CI
 * pipeline); backend plugins are refused.
 */
export const userOrExternalService: CallerRule = {
  accepts: principal =>
    signedInUser.accepts(principal) || externalService.accepts(principal),
  refuse: (_principal, id) =>
    `only a signed-in user or a CI pipeline's token may do this, not the backend plugin ${id}`,
};
