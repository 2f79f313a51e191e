import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { TENANT_VERSION_PATTERN } from '@internal/plugin-tenant-scaffolder-common';
import express from 'express';
import Router from 'express-promise-router';
import { TenantUpgrade } from './TenantUpgrade';

/**
 * `POST /tenant-upgrades/:slug` `{ version }` under the scaffolder's API:
 * how the tenant registry's fleet upgrade reaches the provisioning drivers.
 * Backend services only; people upgrade through the registry.
 */
export function createTenantUpgradeRouter(options: {
  httpAuth: HttpAuthService;
  upgrade: TenantUpgrade;
}): express.Router {
  const { httpAuth, upgrade } = options;
  const router = Router();
  router.use('/tenant-upgrades', express.json());
  router.post('/tenant-upgrades/:slug', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    const version = req.body?.version;
    if (typeof version !== 'string' || !TENANT_VERSION_PATTERN.test(version)) {
      throw new InputError('version must be a version such as 2.4.0');
    }
    res.json(await upgrade.upgrade(req.params.slug, version));
  });
  return router;
}
