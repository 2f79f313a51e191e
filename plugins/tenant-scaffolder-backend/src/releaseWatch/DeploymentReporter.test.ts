import {
  coreServices,
  createBackendPlugin,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { tenantRegistration } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import express from 'express';
import { Knex } from 'knex';
import request from 'supertest';
import { ADA } from '../__testUtils__/actors';
import {
  asScaffolder,
  BASE,
  registerTenant,
  startRegistryBackend,
} from '../__testUtils__/registryBackend';
import { registryDatabases } from '../__testUtils__/registryDatabases';
import { DatabaseDeploymentOutbox } from '../database/DatabaseDeploymentOutbox';
import { DEPLOYMENT_OUTBOX } from '../database/deploymentOutboxRows';
import {
  DEPLOYMENT_REPORT_TASK,
  DeploymentReporter,
} from './DeploymentReporter';

jest.setTimeout(60_000);

/**
 * A stand-in for Release Watch's `POST /events`: takes service callers
 * only, stores each event once by id as Release Watch does, and can be
 * down (503). It hands out the test backend's scheduler, so a test can run
 * the reporter's task as the schedule would.
 */
function fakeReleaseWatch() {
  const state = {
    down: false,
    /** Every event of every request that was answered 200. */
    received: [] as any[],
    stored: new Map<string, any>(),
    callers: [] as string[],
    scheduler: undefined as SchedulerService | undefined,
  };
  const plugin = createBackendPlugin({
    pluginId: 'release-watch',
    register(env) {
      env.registerInit({
        deps: {
          httpRouter: coreServices.httpRouter,
          httpAuth: coreServices.httpAuth,
          scheduler: coreServices.scheduler,
        },
        async init({ httpRouter, httpAuth, scheduler }) {
          state.scheduler = scheduler;
          const router = express.Router();
          router.use(express.json());
          // Stores each event once by id, as Release Watch does.
          const receive = async (
            req: express.Request,
            res: express.Response,
          ) => {
            const credentials = await httpAuth.credentials(req, {
              allow: ['service'],
            });
            state.callers.push(credentials.principal.subject);
            if (state.down) {
              res.status(503).json({
                error: { name: 'ServiceUnavailable', message: 'down' },
              });
              return;
            }
            let accepted = 0;
            for (const event of req.body) {
              state.received.push(event);
              if (!state.stored.has(event.id)) {
                state.stored.set(event.id, event);
                accepted++;
              }
            }
            res.json({
              accepted,
              duplicates: req.body.length - accepted,
              unattributed: 0,
              errors: [],
            });
          };
          router.post('/events', (req, res, next) => {
            receive(req, res).catch(next);
          });
          httpRouter.use(router);
        },
      });
    },
  });
  return { state, plugin };
}

const databases = registryDatabases();

/** Waits until `check` passes (the reporter sends in the background). */
async function eventually(check: () => void | Promise<void>) {
  const until = Date.now() + 10_000;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }
}

const outboxSize = async (knex: Knex) =>
  Number((await knex(DEPLOYMENT_OUTBOX).count({ n: '*' }))[0].n);

describe.each(databases.eachSupportedId())(
  'tenant deployments to Release Watch on %s',
  (databaseId: TestDatabaseId) => {
    async function start() {
      const knex = await databases.init(databaseId);
      const releaseWatch = fakeReleaseWatch();
      const server = await startRegistryBackend(knex, [
        releaseWatch.plugin,
        mockServices.rootConfig.factory({ data: {} }),
      ]);
      const provision = async (slug: string, status: string) => {
        const created = await registerTenant(server, {
          ...tenantRegistration({ slug }),
          requestedBy: ADA,
        });
        expect(created.status).toBe(201);
        const reported = await request(server)
          .post(`${BASE}/tenants/${slug}/status`)
          .set(asScaffolder())
          .send({ status });
        expect(reported.status).toBe(200);
      };
      return { knex, server, rw: releaseWatch.state, provision };
    }

    it('sends a provisioned tenant as a successful production deployment of its environment', async () => {
      const { knex, rw, provision } = await start();
      await provision('acme', 'ready');

      await eventually(() => expect(rw.stored.size).toBe(1));
      const [event] = rw.stored.values();
      expect(event).toEqual({
        kind: 'deployment',
        id: expect.stringMatching(/^tenant-scaffolder:acme:/),
        at: expect.any(String),
        entityRef: 'resource:default/tenant-acme',
        environment: 'tenant-acme',
        production: true,
        status: 'success',
        version: '1.4.2',
      });
      expect(rw.callers).toEqual(['plugin:tenant-scaffolder']);
      await eventually(async () => expect(await outboxSize(knex)).toBe(0));
    });

    it('sends a failed provisioning as a failed deployment', async () => {
      const { rw, provision } = await start();
      await provision('globex', 'failed');
      await eventually(() => expect(rw.stored.size).toBe(1));
      expect([...rw.stored.values()][0]).toMatchObject({
        environment: 'tenant-globex',
        status: 'failure',
        version: '1.4.2',
      });
    });

    it('Release Watch down then up: the event waits in the outbox and arrives once', async () => {
      const { knex, rw, provision } = await start();
      rw.down = true;
      await provision('acme', 'ready');

      // Tried at once after the change, refused, and kept.
      await eventually(() => expect(rw.callers.length).toBeGreaterThan(0));
      await rw.scheduler!.triggerTask(DEPLOYMENT_REPORT_TASK);
      expect(rw.stored.size).toBe(0);
      expect(await outboxSize(knex)).toBe(1);

      rw.down = false;
      await rw.scheduler!.triggerTask(DEPLOYMENT_REPORT_TASK);
      await eventually(async () => expect(await outboxSize(knex)).toBe(0));
      await rw.scheduler!.triggerTask(DEPLOYMENT_REPORT_TASK);

      expect(rw.received).toHaveLength(1);
      expect([...rw.stored.values()]).toEqual([
        expect.objectContaining({
          environment: 'tenant-acme',
          version: '1.4.2',
        }),
      ]);
    });

    it('never holds up a change when Release Watch is not installed, and keeps a bounded backlog', async () => {
      const knex = await databases.init(databaseId);
      const server = await startRegistryBackend(knex, [
        mockServices.rootConfig.factory({ data: {} }),
      ]);
      const created = await registerTenant(server, {
        ...tenantRegistration(),
        requestedBy: ADA,
      });
      expect(created.status).toBe(201);
      const ready = await request(server)
        .post(`${BASE}/tenants/acme/status`)
        .set(asScaffolder())
        .send({ status: 'ready' });
      expect(ready.status).toBe(200);
      expect(await outboxSize(knex)).toBe(1);
    });
  },
);

describe('DeploymentReporter', () => {
  it('keeps at most maxBacklog events while Release Watch does not answer, and says so once', async () => {
    const databaseId = 'SQLITE_3';
    const knex = await databases.init(databaseId);
    const database = mockServices.database({
      knex,
      migrations: { skip: false },
    });
    const outbox = await DatabaseDeploymentOutbox.create({ database });
    for (let i = 1; i <= 5; i++) {
      await knex(DEPLOYMENT_OUTBOX).insert({
        event_id: `e${i}`,
        slug: 'acme',
        event: JSON.stringify({ id: `e${i}` }),
        queued_at_ms: i,
      });
    }
    const logger = mockServices.logger.mock();
    const reporter = new DeploymentReporter({
      outbox,
      // Nothing listens there.
      discovery: {
        getBaseUrl: async () => 'http://127.0.0.1:9/api/release-watch',
        getExternalBaseUrl: async () => 'http://127.0.0.1:9/api/release-watch',
      },
      auth: mockServices.auth(),
      logger,
      maxBacklog: 3,
      timeoutMs: 2_000,
    });
    await reporter.flush();
    await reporter.flush();

    expect(
      (await knex(DEPLOYMENT_OUTBOX).orderBy('id').select('event_id')).map(
        row => row.event_id,
      ),
    ).toEqual(['e3', 'e4', 'e5']);
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn.mock.calls[0][0]).toMatch(
      /^Tenant deployments wait for Release Watch in the outbox: Release Watch did not answer/,
    );
    expect(logger.warn.mock.calls[1][0]).toMatch(/dropped the 2 oldest/);
  });
});
