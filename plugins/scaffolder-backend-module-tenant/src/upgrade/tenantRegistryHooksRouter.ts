import { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { createApiRouter } from '@internal/backend-plugin-utils';
import { TENANT_VERSION_PATTERN } from '@internal/plugin-tenant-scaffolder-common';
import express from 'express';
import { createOpenApiRouter, spec } from '../schema/openapi/generated';
import { TenantConfigRefresh } from './TenantConfigRefresh';
import { TenantUpgrade } from './TenantUpgrade';

/**
 * How the tenant registry reaches the provisioning drivers, under the
 * scaffolder's API (src/schema/openapi.yaml), for the registry's service
 * identity alone.
 */
export function createTenantRegistryHooksRouter(options: {
  httpAuth: HttpAuthService;
  upgrade: TenantUpgrade;
  configRefresh: TenantConfigRefresh;
}): express.Router {
  const { httpAuth, upgrade, configRefresh } = options;
  const router = createApiRouter({ spec, createOpenApiRouter, httpAuth });

  router.post('/tenant-upgrades/:slug', async (req, res) => {
    const { version } = req.body;
    if (!TENANT_VERSION_PATTERN.test(version)) {
      throw new InputError('version must be a version such as 2.4.0');
    }
    res.json(await upgrade.upgrade(req.params.slug, version));
  });

  router.post('/tenant-config/:slug/refresh', async (req, res) => {
    res.json(await configRefresh.refresh(req.params.slug));
  });

  return router;
}
