import { HttpAuthService } from '@backstage/backend-plugin-api';
import express, { RequestHandler } from 'express';
import Router from 'express-promise-router';
import { callerGate, GatedSpec, operationOf } from './callerGate';

const ROUTE_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * A plugin's typed router from its generated `createOpenApiRouter`, behind
 * two steps: every operation's callers checked (see {@link callerGate}),
 * then the body parsed; the typed router then validates the request against
 * the spec (400 with the validator's message) before the handler runs.
 *
 * The gate stands outside the typed router, whose error transformer would
 * turn its 401 and 403 into 400s. What comes back is that outer router, to
 * mount, with the typed router's route methods, to bind handlers with.
 */
export function createApiRouter<TypedRouter extends express.Router>(options: {
  spec: unknown;
  createOpenApiRouter: (options: {
    middleware: RequestHandler[];
  }) => TypedRouter;
  httpAuth: HttpAuthService;
  /**
   * How request bodies are read, once the caller is known: JSON by default.
   * By operationId, only those operations' bodies are read, each its own way.
   */
  bodyParsers?: RequestHandler[] | Record<string, RequestHandler[]>;
}): TypedRouter {
  const { spec, httpAuth, bodyParsers = [express.json()] } = options;
  const typed = options.createOpenApiRouter({
    middleware: [(_req, _res, next) => next()],
  });
  const outer = Router();
  outer.use(
    callerGate(spec as GatedSpec, httpAuth),
    ...(Array.isArray(bodyParsers) ? bodyParsers : [perOperation(bodyParsers)]),
    typed,
  );
  for (const method of ROUTE_METHODS) {
    (outer as any)[method] = (typed as any)[method].bind(typed);
  }
  return outer as unknown as TypedRouter;
}

/** Runs the parsers given for the operation the gate matched, if any. */
function perOperation(
  parsers: Record<string, RequestHandler[]>,
): RequestHandler {
  const routers = new Map(
    Object.entries(parsers).map(([operationId, handlers]) => [
      operationId,
      express.Router().use(handlers),
    ]),
  );
  return (req, res, next) => {
    const operationId = operationOf(res);
    const router = operationId ? routers.get(operationId) : undefined;
    if (!router) {
      next();
      return;
    }
    router(req, res, next);
  };
}
