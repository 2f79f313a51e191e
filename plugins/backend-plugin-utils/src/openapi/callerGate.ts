import { HttpAuthService } from '@backstage/backend-plugin-api';
import type { RequestHandler, Response } from 'express';
import {
  anyService,
  CallerRule,
  callerResolver,
  externalService,
  restrictedCallerResolver,
  servicesNamed,
  signedInUser,
  userOrExternalService,
} from '../callers';

/** Who may call an operation: `x-callers` of the operation in openapi.yaml. */
export type CallerKind =
  | 'anyone'
  | 'user, service'
  | 'user'
  | 'service'
  | 'external service'
  | 'user, external service'
  | `plugin:${string}`;

/** The part of an OpenAPI document the gate reads. */
export type GatedSpec = {
  paths: Record<string, Partial<Record<string, GatedOperation>>>;
};
type GatedOperation = {
  operationId?: string;
  'x-callers'?: string;
  'x-refusal'?: string;
};

export type Caller = Awaited<ReturnType<ReturnType<typeof callerResolver>>>;

const CALLER = Symbol('caller');
const OPERATION = Symbol('operation');

/** Where the typed router serves the spec; read like any operation. */
const SPEC_ROUTE = '/openapi.json';

/** The operationId of the operation the gate matched, if the spec names one. */
export function operationOf(res: Response): string | undefined {
  return res.locals[OPERATION as unknown as string];
}

/**
 * The caller that the gate let through to this request's handler.
 * Throws on an operation open to anyone, which has no caller.
 */
export function callerOf(res: Response): Caller {
  const caller = res.locals[CALLER as unknown as string] as Caller | undefined;
  if (!caller) {
    throw new Error('callerOf: this operation takes no credentials');
  }
  return caller;
}

function ruleFor(kind: string): CallerRule | undefined {
  switch (kind) {
    case 'user, service':
      return undefined;
    case 'user':
      return signedInUser;
    case 'service':
      return anyService;
    case 'external service':
      return externalService;
    case 'user, external service':
      return userOrExternalService;
    default:
      if (/^plugin:[a-z0-9-]+$/.test(kind)) return servicesNamed([kind]);
      throw new Error(`x-callers: unknown kind of caller '${kind}'`);
  }
}

const knownPath = (gates: Gate[], path: string) =>
  gates.some(gate => gate.pattern.test(path));

type Gate = {
  method: string;
  pattern: RegExp;
  operationId?: string;
  resolve?: (req: Parameters<RequestHandler>[0]) => Promise<Caller>;
};

/**
 * Decides who may call each operation of `spec` from its `x-callers`
 * (default `user, service`) before anything reads the request's body:
 * no or bad credentials answer 401, a caller of the wrong kind 403 with the
 * operation's `x-refusal` and who may call instead. `GET /openapi.json`
 * (the typed router serves the spec there) and a method a known path lacks
 * take `user, service`. Unknown routes pass on (to a 404). A handler reads
 * the caller with {@link callerOf}.
 */
export function callerGate(
  spec: GatedSpec,
  httpAuth: HttpAuthService,
): RequestHandler {
  const signedIn = callerResolver(httpAuth);
  const gates: Gate[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!operation || typeof operation !== 'object') continue;
      const kind = operation['x-callers'] ?? 'user, service';
      const pattern = new RegExp(
        `^${path
          .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
          .replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}/?$`,
      );
      const { operationId } = operation;
      if (kind === 'anyone') {
        gates.push({ method, pattern, operationId });
        continue;
      }
      const rule = ruleFor(kind);
      if (rule && !operation['x-refusal']) {
        throw new Error(
          `${method.toUpperCase()} ${path}: x-callers '${kind}' needs an x-refusal saying why`,
        );
      }
      gates.push({
        method,
        pattern,
        operationId,
        resolve: rule
          ? restrictedCallerResolver(httpAuth, rule, operation['x-refusal']!)
          : signedIn,
      });
    }
  }
  if (!spec.paths[SPEC_ROUTE]) {
    gates.push({
      method: 'get',
      pattern: /^\/openapi\.json$/,
      resolve: signedIn,
    });
  }
  // Literal segments before parameters: /locks/mine wins over /locks/{name}.
  const params = (gate: Gate) => gate.pattern.source.split('[^/]+').length;
  gates.sort(
    (a, b) =>
      params(a) - params(b) ||
      b.pattern.source.length - a.pattern.source.length,
  );

  return async (req, res, next) => {
    const method =
      req.method.toLowerCase() === 'head' ? 'get' : req.method.toLowerCase();
    const gate = gates.find(
      candidate =>
        candidate.method === method && candidate.pattern.test(req.path),
    );
    if (!gate && !knownPath(gates, req.path)) {
      // Not an operation of this API; another router may serve it.
      next('router');
      return;
    }
    res.locals[OPERATION as unknown as string] = gate?.operationId;
    // A method the path lacks is answered (by the typed router) to signed-in
    // callers only, even where the path is open to anyone.
    const resolve = gate ? gate.resolve : signedIn;
    if (resolve) {
      res.locals[CALLER as unknown as string] = await resolve(req);
    }
    next();
  };
}
