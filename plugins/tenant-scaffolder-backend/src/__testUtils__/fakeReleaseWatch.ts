import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import express from 'express';

export type EnvironmentsCall = {
  principal: string;
  query: Record<string, unknown>;
  environments: string[];
};

/**
 * Stands in for Release Watch's `GET /environments` on the same test
 * backend, so the registry's health guard calls it over HTTP with its
 * service token. Each environment's error rate comes from `errorRate`
 * (undefined: no samples); `failWith` answers that status instead.
 */
export function fakeReleaseWatch(options: {
  calls: EnvironmentsCall[];
  errorRate: (environment: string) => number | undefined;
  samples?: number;
  failWith?: () => number | undefined;
}) {
  return createBackendPlugin({
    pluginId: 'release-watch',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.get('/environments', async (req, res) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service', 'user'],
            });
            const asked = req.query.environment;
            const environments = (
              Array.isArray(asked) ? asked : [asked]
            ).filter((e): e is string => typeof e === 'string');
            options.calls.push({
              principal:
                credentials.principal.type === 'service'
                  ? credentials.principal.subject
                  : credentials.principal.userEntityRef,
              query: req.query,
              environments,
            });
            const status = options.failWith?.();
            if (status) {
              res.status(status).json({
                error: { name: 'Error', message: 'Release Watch is down' },
                request: { method: req.method, url: req.originalUrl },
                response: { statusCode: status },
              });
              return;
            }
            const metric = req.query.metric as string | undefined;
            res.json({
              from: String(req.query.since),
              to: `${req.query.to}T23:59:59.999Z`,
              environments: environments.map(environment => {
                const rate = options.errorRate(environment);
                return {
                  environment,
                  deployments: 0,
                  deploysPerWeek: 0,
                  failedDeployments: 0,
                  changeFailureRate: null,
                  incidents: 0,
                  lastVersion: null,
                  lastDeployedAt: null,
                  metric:
                    metric && rate !== undefined
                      ? {
                          name: metric,
                          unit: '%',
                          count: options.samples ?? 12,
                          mean: rate,
                          median: rate,
                        }
                      : null,
                };
              }),
            });
          });
          httpRouter.use(router);
        },
      });
    },
  });
}
