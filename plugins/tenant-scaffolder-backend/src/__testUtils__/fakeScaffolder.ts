import {
  BackendFeature,
  createBackendPlugin,
  coreServices,
} from '@backstage/backend-plugin-api';
import express from 'express';
import { Knex } from 'knex';
import { startRegistryBackend } from './registryBackend';

export type ScaffolderCall = {
  path: 'tenant-upgrades' | 'tenant-config';
  slug: string;
  principal: string;
};

/**
 * Stands in for the scaffolder's tenant module on the same test backend, so
 * the registry's real client calls it over HTTP with a service token. The
 * tenant `broken` fails both calls, as a module whose drivers fail would.
 */
export function fakeScaffolder(calls: ScaffolderCall[]) {
  return createBackendPlugin({
    pluginId: 'scaffolder',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
        },
        async init({ httpRouter, httpAuth }) {
          const router = express.Router();
          router.use(express.json());
          const record = async (
            path: ScaffolderCall['path'],
            req: express.Request,
            res: express.Response,
          ) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            calls.push({
              path,
              slug: req.params.slug,
              principal: credentials.principal.subject,
            });
            if (req.params.slug !== 'broken') return true;
            // The body Backstage's error handler writes.
            res.status(500).json({
              error: {
                name: 'Error',
                message: `${path} of broken failed: health check answered 503`,
              },
              request: { method: req.method, url: req.originalUrl },
              response: { statusCode: 500 },
            });
            return false;
          };
          router.post('/tenant-upgrades/:slug', async (req, res) => {
            if (await record('tenant-upgrades', req, res)) {
              res.json({ slug: req.params.slug, version: req.body.version });
            }
          });
          router.post('/tenant-config/:slug/refresh', async (req, res) => {
            if (await record('tenant-config', req, res)) {
              res.json({ slug: req.params.slug, written: true });
            }
          });
          httpRouter.use(router);
        },
      });
    },
  });
}

/**
 * A registry backend on `knex` whose scaffolder is the fake, with any other
 * `features`; `calls` is what the registry asked the fake for.
 */
export async function startRegistryWithFakeScaffolder(
  knex: Knex,
  features: BackendFeature[] = [],
) {
  const calls: ScaffolderCall[] = [];
  const server = await startRegistryBackend(knex, [
    fakeScaffolder(calls),
    ...features,
  ]);
  return { server, calls };
}
