import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { DEFAULT_NAMESPACE, parseEntityRef } from '@backstage/catalog-model';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { reviewEnvsTeardownAnyPermission } from '@internal/plugin-review-envs-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';
import {
  callerResolver,
  externalService,
  restrictedCallerResolver,
  signedInUser,
} from '@internal/backend-plugin-utils';
import { parseRequest } from './requestValidation';

const pullRequestBody = z.object({
  repository: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'must be owner/name'),
  number: z.number().int().positive(),
  title: z.string().max(1000).default(''),
  branch: z.string().min(1).max(255),
  headSha: z.string().regex(/^[0-9a-f]{7,64}$/, 'must be a commit SHA'),
  author: z.string().min(1).max(255),
  open: z.boolean(),
  labels: z.array(z.string().max(100)).max(100),
});
const extendBody = z.object({
  hours: z.number().positive().optional(),
});

export async function createEnvironmentsRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  environments: ReviewEnvironments;
}): Promise<express.Router> {
  const { httpAuth, permissions, environments } = options;
  const router = Router();
  router.use(express.json());

  const caller = callerResolver(httpAuth);
  // A pipeline changes an environment by reporting its pull request.
  const person = (action: string) =>
    restrictedCallerResolver(
      httpAuth,
      signedInUser,
      `${action} a review environment is for people in the portal`,
    );
  const extender = person('Extending');
  const redeployer = person('Redeploying');
  const tearer = person('Tearing down');
  const reporter = restrictedCallerResolver(
    httpAuth,
    externalService,
    'Reporting pull request state is for CI pipelines and git hosts, as reporting a pull request closed tears down its environment',
  );

  router.get('/environments', async (req, res) => {
    await caller(req);
    res.json({ items: await environments.list() });
  });

  router.get('/environments/:id', async (req, res) => {
    await caller(req);
    res.json(await environments.get(req.params.id));
  });

  router.get('/environments/:id/history', async (req, res) => {
    await caller(req);
    res.json({ items: await environments.history(req.params.id) });
  });

  router.get('/environments/:id/logs', async (req, res) => {
    await caller(req);
    res.json(await environments.logs(req.params.id));
  });

  router.post('/environments/:id/extend', async (req, res) => {
    const { id } = await extender(req);
    const { hours } = parseRequest(extendBody, req.body ?? {}, 'body');
    res.json(await environments.extend(req.params.id, hours, id));
  });

  router.post('/environments/:id/redeploy', async (req, res) => {
    const { id } = await redeployer(req);
    res.status(202).json(await environments.redeploy(req.params.id, id));
  });

  router.delete('/environments/:id', async (req, res) => {
    const { credentials, id } = await tearer(req);
    const environment = await environments.get(req.params.id);
    // The author is a git login: its person is the user of that name in the
    // default namespace, not a namesake in another namespace.
    const user = parseEntityRef(id);
    const isAuthor =
      user.namespace.toLocaleLowerCase('en-US') === DEFAULT_NAMESPACE &&
      user.name.toLocaleLowerCase('en-US') ===
        environment.author.toLocaleLowerCase('en-US');
    if (!isAuthor) {
      const [decision] = await permissions.authorize(
        [{ permission: reviewEnvsTeardownAnyPermission }],
        { credentials },
      );
      if (decision.result !== AuthorizeResult.ALLOW) {
        throw new NotAllowedError(
          `Only ${environment.author} (the pull request's author) and portal admins may tear down ${environment.id}`,
        );
      }
    }
    res.status(202).json(await environments.teardown(req.params.id, id));
  });

  // Pull request state from any git host or CI: the same path webhooks take.
  // Only external services may report it: a user could otherwise tear down
  // anyone's environment by reporting its pull request closed.
  router.post('/pull-requests', async (req, res) => {
    const { id } = await reporter(req);
    const snapshot = parseRequest(pullRequestBody, req.body, 'body');
    const environment = await environments.observePullRequest(snapshot, id);
    res
      .status(environment ? 202 : 200)
      .json({ environment: environment ?? null });
  });

  return router;
}
