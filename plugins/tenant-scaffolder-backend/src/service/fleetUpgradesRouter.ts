import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { tenantFleetUpgradePermission } from '@internal/plugin-tenant-scaffolder-common';
import {
  callerResolver,
  restrictedCallerResolver,
  signedInUser,
} from '@internal/backend-plugin-utils';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { FleetUpgradeService } from '../fleet/FleetUpgradeService';
import { permissionGuard } from './permissionGuard';
import { parseRequest } from './requestValidation';

const upgradeParams = z.object({ id: z.coerce.number().int().positive() });
const listQuery = z.object({
  limit: z.coerce.number().int().positive().max(100).default(20),
});

/** `/fleet-upgrades`: reading is for everyone signed in, every change needs the fleet upgrade permission. */
export function createFleetUpgradesRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fleetUpgrades: FleetUpgradeService;
}): express.Router {
  const { httpAuth, permissions, fleetUpgrades } = options;
  const router = Router();
  router.use(express.json());
  const caller = callerResolver(httpAuth);
  const assertAllowed = permissionGuard(permissions);

  const person = restrictedCallerResolver(
    httpAuth,
    signedInUser,
    'Fleet upgrades are run by portal admins',
  );
  const upgrader = async (req: express.Request) => {
    const { credentials, id } = await person(req);
    await assertAllowed(
      credentials,
      tenantFleetUpgradePermission,
      'Only portal admins may run fleet upgrades',
    );
    return id;
  };
  const upgradeId = (req: express.Request) =>
    parseRequest(upgradeParams, req.params, 'path').id;

  router.get('/fleet-upgrades', async (req, res) => {
    await caller(req);
    const { limit } = parseRequest(listQuery, req.query, 'query');
    res.json({ items: await fleetUpgrades.list(limit) });
  });

  router.post('/fleet-upgrades', async (req, res) => {
    const actor = await upgrader(req);
    res.status(201).json(await fleetUpgrades.start(req.body, actor));
  });

  router.get('/fleet-upgrades/:id', async (req, res) => {
    await caller(req);
    res.json(await fleetUpgrades.get(upgradeId(req)));
  });

  router.post('/fleet-upgrades/:id/resume', async (req, res) => {
    await upgrader(req);
    res.json(await fleetUpgrades.resume(upgradeId(req)));
  });

  router.post('/fleet-upgrades/:id/cancel', async (req, res) => {
    const actor = await upgrader(req);
    res.json(await fleetUpgrades.cancel(upgradeId(req), actor));
  });

  router.post('/fleet-upgrades/:id/tenants/:slug/retry', async (req, res) => {
    await upgrader(req);
    res.json(await fleetUpgrades.retry(upgradeId(req), req.params.slug));
  });

  return router;
}
