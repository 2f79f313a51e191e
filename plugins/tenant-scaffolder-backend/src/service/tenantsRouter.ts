import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  tenantDeletePermission,
  TenantStatus,
  tenantUpdatePermission,
} from '@internal/plugin-tenant-scaffolder-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { permissionGuard } from './permissionGuard';
import {
  callerResolver,
  restrictedCallerResolver,
  servicesNamed,
  signedInUser,
} from '@internal/backend-plugin-utils';
import { parseRequest } from './requestValidation';
import { secretKeyIn } from './secretKeys';
import { TenantRegistry } from './TenantRegistry';

// A record, so that the compiler asks for every status the type gains.
const STATUSES: Record<TenantStatus, true> = {
  provisioning: true,
  ready: true,
  failed: true,
  'needs-cleanup': true,
  upgrading: true,
  deleting: true,
  deleted: true,
};
const allStatuses = Object.keys(STATUSES) as TenantStatus[];
/** Deletion starts with `DELETE /tenants/:slug`, behind its own permission. */
const reportableStatuses = allStatuses.filter(
  (status): status is Exclude<TenantStatus, 'deleting'> =>
    status !== 'deleting',
);

/** The scaffolder's service identity, under which its tenant module provisions. */
export const PROVISIONER_SUBJECT = 'plugin:scaffolder';

const NAME = /^[a-z][a-z0-9-]{0,49}$/;
const MAX_DETAILS_LENGTH = 10_000;

const listQuery = z.object({
  status: z.enum(allStatuses).optional(),
  plan: z.enum(['trial', 'paid']).optional(),
});
const historyQuery = z.object({
  limit: z.coerce.number().int().positive().max(500).default(100),
});
const ledgerQuery = z.object({
  includeRemoved: z
    .enum(['true', 'false'])
    .default('false')
    .transform(value => value === 'true'),
});
const statusBody = z.object({
  status: z.enum(reportableStatuses),
  detail: z.string().min(1).max(1000).optional(),
});
const ledgerBody = z.object({
  step: z.string().regex(NAME, 'must be a lower-case name such as database'),
  resourceType: z
    .string()
    .regex(NAME, 'must be a lower-case name such as postgres-database'),
  resourceId: z.string().min(1).max(500),
  details: z
    .record(z.string(), z.unknown())
    .default({})
    .refine(
      details => JSON.stringify(details).length <= MAX_DETAILS_LENGTH,
      `must be at most ${MAX_DETAILS_LENGTH} characters of JSON`,
    )
    .superRefine((details, ctx) => {
      const key = secretKeyIn(details);
      if (key) {
        ctx.addIssue({
          code: 'custom',
          message: `must not hold secrets: '${key}' looks like one`,
        });
      }
    }),
});
const refusalBody = z.object({ reason: z.string().min(1).max(1000) });
const ledgerEntryParams = z.object({
  id: z.coerce.number().int().positive(),
});

export async function createTenantsRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  registry: TenantRegistry;
}): Promise<express.Router> {
  const { httpAuth, permissions, registry } = options;
  const router = Router();
  router.use(express.json());

  const caller = callerResolver(httpAuth);
  const assertAllowed = permissionGuard(permissions);

  // Registration, ledger entries and status are written by the
  // provisioning module alone, with the scaffolder's own service identity.
  // A ledger entry is what undo and delete act on, so no user and no other
  // service (a CI pipeline's static token included) may write one, whatever
  // the permission policy grants: people create tenants by running the
  // template, which checks their permission to.
  // Settings, plans and deletion are a person's decisions, behind their
  // permissions; Backstage's permissions service would allow any service.
  const person = restrictedCallerResolver(
    httpAuth,
    signedInUser,
    'Tenants are changed by people in the portal',
  );
  const provisioner = restrictedCallerResolver(
    httpAuth,
    servicesNamed([PROVISIONER_SUBJECT]),
    'Only tenant provisioning writes the registry',
  );

  router.get('/tenants', async (req, res) => {
    await caller(req);
    const filter = parseRequest(listQuery, req.query, 'query');
    res.json({ items: await registry.list(filter) });
  });

  router.post('/tenants', async (req, res) => {
    const { id } = await provisioner(req);
    res.status(201).json(await registry.register(req.body, id));
  });

  router.get('/tenants/:slug', async (req, res) => {
    await caller(req);
    res.json(await registry.get(req.params.slug));
  });

  router.patch('/tenants/:slug/settings', async (req, res) => {
    const { credentials, id } = await person(req);
    await assertAllowed(
      credentials,
      tenantUpdatePermission,
      "You may not change tenants' settings",
    );
    res.json(await registry.updateSettings(req.params.slug, req.body, id));
  });

  router.post('/tenants/:slug/upgrade', async (req, res) => {
    const { credentials, id } = await person(req);
    await assertAllowed(
      credentials,
      tenantUpdatePermission,
      "You may not change tenants' plans",
    );
    res.json(await registry.upgradePlan(req.params.slug, id));
  });

  router.delete('/tenants/:slug', async (req, res) => {
    const { credentials, id } = await person(req);
    await assertAllowed(
      credentials,
      tenantDeletePermission,
      'Only portal admins may delete tenants',
    );
    res.status(202).json(await registry.requestDeletion(req.params.slug, id));
  });

  router.post('/tenants/:slug/status', async (req, res) => {
    const { id } = await provisioner(req);
    const { status, detail } = parseRequest(statusBody, req.body, 'body');
    res.json(await registry.reportStatus(req.params.slug, status, detail, id));
  });

  router.get('/tenants/:slug/history', async (req, res) => {
    await caller(req);
    const { limit } = parseRequest(historyQuery, req.query, 'query');
    res.json({ items: await registry.history(req.params.slug, limit) });
  });

  router.get('/tenants/:slug/ledger', async (req, res) => {
    await caller(req);
    const { includeRemoved } = parseRequest(ledgerQuery, req.query, 'query');
    res.json({
      items: await registry.ledger(req.params.slug, includeRemoved),
    });
  });

  router.post('/tenants/:slug/ledger', async (req, res) => {
    const { id } = await provisioner(req);
    const body = parseRequest(ledgerBody, req.body, 'body');
    const { entry, recorded } = await registry.recordResource(
      { slug: req.params.slug, ...body },
      id,
    );
    res.status(recorded ? 201 : 200).json(entry);
  });

  router.post('/tenants/:slug/ledger/:id/removed', async (req, res) => {
    const { id } = await provisioner(req);
    const params = parseRequest(ledgerEntryParams, req.params, 'path');
    res.json(
      await registry.markResourceRemoved(req.params.slug, params.id, id),
    );
  });

  router.post('/tenants/:slug/ledger/:id/refused', async (req, res) => {
    const { id } = await provisioner(req);
    const params = parseRequest(ledgerEntryParams, req.params, 'path');
    const { reason } = parseRequest(refusalBody, req.body, 'body');
    res.json(
      await registry.recordRefusal(req.params.slug, params.id, reason, id),
    );
  });

  router.get('/slugs/:slug', async (req, res) => {
    await caller(req);
    res.json(await registry.slugAvailability(req.params.slug));
  });

  return router;
}
