import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reviewEnvsLockForceReleasePermission } from '@internal/plugin-review-envs-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { SharedEnvironmentLocks } from '../locks/SharedEnvironmentLocks';
import {
  callerResolver,
  restrictedCallerResolver,
  signedInUser,
} from '@internal/backend-plugin-utils';
import { parseRequest } from './requestValidation';

const claimBody = z.object({
  reason: z.string(),
  durationMinutes: z.number().int().positive().optional(),
});
const extendBody = z.object({
  fencingToken: z.number().int().nonnegative(),
  durationMinutes: z.number().int().positive().optional(),
});
const releaseBody = z.object({ fencingToken: z.number().int().nonnegative() });
const checkQuery = z.object({ token: z.coerce.number().int().nonnegative() });
const historyQuery = z.object({
  limit: z.coerce.number().int().positive().max(500).optional(),
});

export async function createLocksRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  locks: SharedEnvironmentLocks;
}): Promise<express.Router> {
  const { httpAuth, permissions, locks } = options;
  const router = Router();
  router.use(express.json());

  const caller = callerResolver(httpAuth);
  // The permission framework allows services everything: without this, a
  // CI pipeline's token could force-release whoever holds a lock.
  const forceReleaser = restrictedCallerResolver(
    httpAuth,
    signedInUser,
    'Force-releasing a lock is for portal admins; a pipeline releases its own hold with its fencing token',
  );

  router.get('/locks', async (req, res) => {
    await caller(req);
    res.json({ items: await locks.list() });
  });

  router.get('/locks/:name', async (req, res) => {
    await caller(req);
    res.json(await locks.get(req.params.name));
  });

  router.get('/locks/:name/history', async (req, res) => {
    await caller(req);
    const { limit } = parseRequest(historyQuery, req.query, 'query');
    res.json({ items: await locks.history(req.params.name, limit) });
  });

  router.get('/locks/:name/check', async (req, res) => {
    await caller(req);
    const { token } = parseRequest(checkQuery, req.query, 'query');
    res.json(await locks.check(req.params.name, token));
  });

  router.post('/locks/:name/claim', async (req, res) => {
    const { id } = await caller(req);
    const body = parseRequest(claimBody, req.body, 'body');
    res.status(201).json(await locks.claim(req.params.name, id, body));
  });

  router.post('/locks/:name/extend', async (req, res) => {
    const { id } = await caller(req);
    const body = parseRequest(extendBody, req.body, 'body');
    res.json(await locks.extend(req.params.name, id, body));
  });

  router.post('/locks/:name/release', async (req, res) => {
    const { id } = await caller(req);
    const body = parseRequest(releaseBody, req.body, 'body');
    res.json(await locks.release(req.params.name, id, body));
  });

  router.post('/locks/:name/force-release', async (req, res) => {
    const { credentials, id } = await forceReleaser(req);
    const [decision] = await permissions.authorize(
      [{ permission: reviewEnvsLockForceReleasePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Only portal admins may force-release a lock');
    }
    res.json(await locks.forceRelease(req.params.name, id));
  });

  router.post('/locks/:name/queue', async (req, res) => {
    const { id } = await caller(req);
    const body = parseRequest(claimBody, req.body, 'body');
    res.json(await locks.enqueue(req.params.name, id, body));
  });

  router.delete('/locks/:name/queue', async (req, res) => {
    const { id } = await caller(req);
    res.json(await locks.leaveQueue(req.params.name, id));
  });

  return router;
}
