import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  restrictedCallerResolver,
  servicesNamed,
} from '@internal/backend-plugin-utils';
import { TENANT_VERSION_PATTERN } from '@internal/plugin-tenant-scaffolder-common';
import express from 'express';
import Router from 'express-promise-router';
import { TenantConfigRefresh } from './TenantConfigRefresh';
import { TenantUpgrade } from './TenantUpgrade';

/** The tenant registry's service identity. */
export const REGISTRY_SUBJECT = 'plugin:tenant-scaffolder';

/**
 * How the tenant registry reaches the provisioning drivers, under the
 * scaffolder's API, for the tenant registry's own service identity alone
 * (people go through the registry, which checks their permissions):
 * - `POST /tenant-upgrades/:slug` `{ version }`: the fleet upgrade's step;
 * - `POST /tenant-config/:slug/refresh`: after a settings change.
 */
export function createTenantRegistryHooksRouter(options: {
  httpAuth: HttpAuthService;
  upgrade: TenantUpgrade;
  configRefresh: TenantConfigRefresh;
}): express.Router {
  const { httpAuth, upgrade, configRefresh } = options;
  const router = Router();
  router.use(['/tenant-upgrades', '/tenant-config'], express.json());
  const registry = restrictedCallerResolver(
    httpAuth,
    servicesNamed([REGISTRY_SUBJECT]),
    'Only the tenant registry upgrades tenants and refreshes their config',
  );

  router.post('/tenant-upgrades/:slug', async (req, res) => {
    await registry(req);
    const version = req.body?.version;
    if (typeof version !== 'string' || !TENANT_VERSION_PATTERN.test(version)) {
      throw new InputError('version must be a version such as 2.4.0');
    }
    res.json(await upgrade.upgrade(req.params.slug, version));
  });

  router.post('/tenant-config/:slug/refresh', async (req, res) => {
    await registry(req);
    res.json(await configRefresh.refresh(req.params.slug));
  });

  return router;
}
