import {
  TestDatabaseId,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  smtpMail,
  tenantRegistration,
} from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { Knex } from 'knex';
import request from 'supertest';
import { ADA } from './__testUtils__/actors';
import {
  BASE,
  asScaffolder,
  asUser as as,
  denyOnly,
  registerTenant,
  startRegistryBackend,
} from './__testUtils__/registryBackend';
import { registryDatabases } from './__testUtils__/registryDatabases';

jest.setTimeout(60_000);

const PASSWORD = 'Hunter2-very-secret!';

const databases = registryDatabases();
let databaseId: TestDatabaseId;

const newTenant = tenantRegistration();

type Portal = { server: any; knex: Knex };

/**
 * A backend with the plugin on a fresh database of the current kind, whose
 * policy refuses only the permission named, if any.
 */
async function startPortal(
  options: { deny?: string; permissionFactory?: any; config?: object } = {},
): Promise<Portal> {
  const knex = await databases.init(databaseId);
  const server = await startRegistryBackend(knex, [
    options.permissionFactory ?? denyOnly(() => options.deny),
    mockServices.rootConfig.factory({ data: options.config ?? {} }),
  ]);
  return { server, knex };
}

/** A portal on which Acme is registered, as by the New tenant template. */
async function startPortalWithAcme(): Promise<Portal> {
  const portal = await startPortal();
  await register(portal);
  return portal;
}

/** Acme's history, newest first, as a signed-in person reads it. */
async function acmeHistory(server: Portal['server']) {
  const response = await request(server)
    .get(`${BASE}/tenants/acme/history`)
    .set(as());
  return response.body.items;
}

/** Registers as the New tenant template does: the scaffolder's tenant module. */
async function register(
  { server }: Portal,
  body: object = { ...newTenant, requestedBy: ADA },
) {
  return registerTenant(server, body);
}

describe.each(databases.eachSupportedId())(
  'tenant-scaffolder backend on %s',
  id => {
    beforeAll(() => {
      databaseId = id;
    });

    it('answers its health check without credentials, and nothing else', async () => {
      const { server } = await startPortal();

      const health = await request(server).get(`${BASE}/health`);
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok' });
      const anonymous = await request(server)
        .get(`${BASE}/tenants`)
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
    });

    it('registers a tenant as provisioning and shows it in the list, by itself and in its history', async () => {
      const portal = await startPortal();
      const { server } = portal;

      const created = await register(portal);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        slug: 'acme',
        name: 'Acme Corp',
        status: 'provisioning',
        plan: { kind: 'trial', endsOn: '2027-01-31' },
        owner: 'group:default/sales',
        version: '1.4.2',
        revision: 1,
      });

      const listed = await request(server).get(`${BASE}/tenants`).set(as());
      expect(listed.body.items).toEqual([
        expect.objectContaining({ slug: 'acme', status: 'provisioning' }),
      ]);
      const paid = await request(server)
        .get(`${BASE}/tenants?plan=paid`)
        .set(as());
      expect(paid.body.items).toEqual([]);
      const badFilter = await request(server)
        .get(`${BASE}/tenants?status=asleep`)
        .set(as());
      expect(badFilter.status).toBe(400);
      expect(badFilter.body.error.problems).toEqual([
        { field: 'status', message: expect.any(String) },
      ]);

      const one = await request(server).get(`${BASE}/tenants/acme`).set(as());
      expect(one.body).toMatchObject({
        slug: 'acme',
        ledger: { live: 0, removed: 0 },
      });
      expect(
        (await request(server).get(`${BASE}/tenants/nope`).set(as())).status,
      ).toBe(404);

      const history = await acmeHistory(server);
      expect(history).toEqual([
        expect.objectContaining({ action: 'created', actor: ADA }),
      ]);
    });

    it('refuses invalid input with 400 naming every field, and stores nothing', async () => {
      const portal = await startPortal();
      const { server, knex } = portal;

      const refused = await register(portal, {
        ...newTenant,
        slug: 'Acme Corp',
        region: 'moon',
        owner: 'user:default/ada',
        settings: {
          ...newTenant.settings,
          branding: {
            palette: { primary: 'red', secondary: '#fff', background: '#000' },
          },
          mail: { ...smtpMail, port: 70000, password: PASSWORD },
        },
      });

      expect(refused.status).toBe(400);
      expect(refused.body.error.name).toBe('InputError');
      const fields = [
        'slug',
        'region',
        'settings.branding.palette.primary',
        'settings.mail.port',
        'owner',
      ];
      expect(
        refused.body.error.problems.map((p: { field: string }) => p.field),
      ).toEqual(fields);
      for (const field of fields) {
        expect(refused.body.error.message).toContain(`${field}: `);
      }
      expect(refused.text).not.toContain(PASSWORD);
      expect(Number((await knex('tenants').count('* as n'))[0].n)).toBe(0);
      expect(await knex('tenant_secrets')).toEqual([]);

      const empty = await register(portal, {});
      expect(empty.status).toBe(400);
      expect(
        empty.body.error.problems.map((p: { field: string }) => p.field),
      ).toEqual(['slug', 'name', 'region', 'plan', 'settings', 'owner']);
      const list = await request(server).get(`${BASE}/tenants`).set(as());
      expect(list.body.items).toEqual([]);
    });

    it('answers a task that registers its own tenant again with that tenant, and any other task with 409', async () => {
      const portal = await startPortal();
      const byTask = {
        ...newTenant,
        requestedBy: ADA,
        provisioningTask: 't-1',
      };
      const first = await register(portal, byTask);
      expect(first.status).toBe(201);

      // The register step cut off after the registry answered, run again.
      const retried = await register(portal, byTask);
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual(first.body);
      const otherTask = await register(portal, {
        ...byTask,
        provisioningTask: 't-2',
      });
      expect(otherTask.status).toBe(409);
      const history = await acmeHistory(portal.server);
      expect(history.filter((e: any) => e.action === 'created')).toHaveLength(
        1,
      );
    });

    it('refuses a taken slug with 409, and says which slugs are available', async () => {
      const portal = await startPortalWithAcme();
      const { server } = portal;

      const duplicate = await register(portal, {
        ...newTenant,
        name: 'Acme Again',
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body.error.message).toContain("'acme'");

      const availability = async (slug: string) =>
        (
          await request(server)
            .get(`${BASE}/slugs/${encodeURIComponent(slug)}`)
            .set(as())
        ).body;
      expect(await availability('acme-eu')).toEqual({
        slug: 'acme-eu',
        available: true,
      });
      expect(await availability('acme')).toEqual({
        slug: 'acme',
        available: false,
        problem: 'is taken',
      });
      expect(await availability('www')).toEqual({
        slug: 'www',
        available: false,
        problem: "'www' is reserved",
      });
      expect(await availability('Acme_Corp')).toMatchObject({
        available: false,
        problem: expect.stringContaining('DNS label'),
      });
    });

    it('changes settings at run time, refusing stale revisions and invalid settings', async () => {
      const { server } = await startPortalWithAcme();
      const settings = {
        ...newTenant.settings,
        footer: {
          address: 'Acme Corp\n1 Main Street',
          links: [{ label: 'Site', url: 'https://acme.example' }],
        },
        analyticsId: 'G-ABC123XYZ',
      };

      const updated = await request(server)
        .patch(`${BASE}/tenants/acme/settings`)
        .set(as())
        .send({ settings, expectedRevision: 1 });
      expect(updated.status).toBe(200);
      expect(updated.body.revision).toBe(2);

      const seen = await request(server).get(`${BASE}/tenants/acme`).set(as());
      expect(seen.body.settings).toEqual(settings);

      const stale = await request(server)
        .patch(`${BASE}/tenants/acme/settings`)
        .set(as())
        .send({ settings: newTenant.settings, expectedRevision: 1 });
      expect(stale.status).toBe(409);

      const invalid = await request(server)
        .patch(`${BASE}/tenants/acme/settings`)
        .set(as())
        .send({
          settings: { ...settings, analyticsId: '<script>' },
          expectedRevision: 'two',
        });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.problems).toEqual([
        { field: 'settings.analyticsId', message: expect.any(String) },
        { field: 'expectedRevision', message: 'must be a revision number' },
      ]);

      const history = await acmeHistory(server);
      expect(history[0]).toMatchObject({
        action: 'settings-updated',
        actor: ADA,
        detail: expect.stringContaining('footer.address'),
      });
    });

    it('stores the SMTP password as a secret and never answers with it', async () => {
      const portal = await startPortal();
      const { server, knex } = portal;
      const texts: string[] = [];
      const call = async (test: request.Test) => {
        const response = await test;
        texts.push(response.text);
        return response;
      };
      const changeMail = (mail: object) =>
        request(server)
          .patch(`${BASE}/tenants/acme/settings`)
          .set(as())
          .send({ settings: { ...newTenant.settings, mail } });

      const created = await call(
        registerTenant(server, {
          ...newTenant,
          settings: {
            ...newTenant.settings,
            mail: { ...smtpMail, password: PASSWORD },
          },
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body.settings.mail).toEqual({
        ...smtpMail,
        hasPassword: true,
      });
      expect(
        await knex('tenant_secrets').where({ slug: 'acme' }).select('value'),
      ).toEqual([{ value: PASSWORD }]);

      // Changing other settings keeps the password.
      const kept = await call(changeMail({ ...smtpMail, port: 465 }));
      expect(kept.body.settings.mail).toMatchObject({
        port: 465,
        hasPassword: true,
      });
      await call(request(server).get(`${BASE}/tenants`).set(as()));
      await call(request(server).get(`${BASE}/tenants/acme`).set(as()));
      await call(request(server).get(`${BASE}/tenants/acme/history`).set(as()));
      await call(
        changeMail({ ...smtpMail, host: 'not a host', password: PASSWORD }),
      );
      for (const text of texts) expect(text).not.toContain(PASSWORD);
      expect(JSON.stringify(await knex('tenants'))).not.toContain(PASSWORD);
      expect(JSON.stringify(await knex('tenant_history'))).not.toContain(
        PASSWORD,
      );

      // Back to the platform's mail: the password goes.
      const platform = await changeMail({ mode: 'platform' });
      expect(platform.body.settings.mail).toEqual({ mode: 'platform' });
      expect(await knex('tenant_secrets').where({ slug: 'acme' })).toEqual([]);
    });

    it('upgrades a trial to paid once', async () => {
      const { server } = await startPortalWithAcme();

      const upgraded = await request(server)
        .post(`${BASE}/tenants/acme/upgrade`)
        .set(as());
      expect(upgraded.status).toBe(200);
      expect(upgraded.body.plan).toEqual({ kind: 'paid' });

      const again = await request(server)
        .post(`${BASE}/tenants/acme/upgrade`)
        .set(as());
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('paid plan already');
    });

    it.each([
      // Registration is the tenant module's; the template asks the person
      // for the create permission before it registers.
      ['tenant-scaffolder.tenant.create', [201, 200, 200, 202]],
      ['tenant-scaffolder.tenant.update', [201, 403, 403, 202]],
      ['tenant-scaffolder.admin.tenant.delete', [201, 200, 200, 403]],
    ])(
      'refuses only what the policy refuses: %s',
      async (deny, [create, update, upgrade, remove]) => {
        const portal = await startPortal({ deny });
        const { server, knex } = portal;
        // Another tenant, so that a refused create leaves something to update and delete.
        await knex('tenants').insert({
          slug: 'beta',
          name: 'Beta',
          plan_kind: 'trial',
          trial_ends_on: '2027-01-31',
          region: 'eu-west-1',
          status: 'ready',
          version: '1.4.2',
          settings: JSON.stringify(newTenant.settings),
          owner: 'group:default/sales',
          created_at_ms: 0,
          updated_at_ms: 0,
          revision: 1,
        });

        expect((await register(portal)).status).toBe(create);
        expect(
          (
            await request(server)
              .patch(`${BASE}/tenants/beta/settings`)
              .set(as())
              .send({ settings: newTenant.settings })
          ).status,
        ).toBe(update);
        expect(
          (await request(server).post(`${BASE}/tenants/beta/upgrade`).set(as()))
            .status,
        ).toBe(upgrade);
        expect(
          (await request(server).delete(`${BASE}/tenants/beta`).set(as()))
            .status,
        ).toBe(remove);

        const beta = await request(server)
          .get(`${BASE}/tenants/beta`)
          .set(as());
        expect(beta.body.plan.kind).toBe(upgrade === 200 ? 'paid' : 'trial');
        expect(beta.body.status).toBe(remove === 202 ? 'deleting' : 'ready');
        expect(await knex('tenants').pluck('slug')).toHaveLength(
          create === 201 ? 2 : 1,
        );
      },
    );

    it('keeps the ledger idempotently and the history with who did what', async () => {
      const { server } = await startPortalWithAcme();
      const resource = {
        step: 'database',
        resourceType: 'postgres-database',
        resourceId: 'tenant_acme',
        details: { host: 'db.internal' },
      };

      const first = await request(server)
        .post(`${BASE}/tenants/acme/ledger`)
        .set(asScaffolder())
        .send(resource);
      expect(first.status).toBe(201);
      const second = await request(server)
        .post(`${BASE}/tenants/acme/ledger`)
        .set(asScaffolder())
        .send(resource);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);

      const secret = await request(server)
        .post(`${BASE}/tenants/acme/ledger`)
        .set(asScaffolder())
        .send({ ...resource, details: { connection: { password: 'x' } } });
      expect(secret.status).toBe(400);
      expect(secret.body.error.problems).toEqual([
        { field: 'details', message: expect.stringContaining('password') },
      ]);

      const ledger = await request(server)
        .get(`${BASE}/tenants/acme/ledger`)
        .set(as());
      expect(ledger.body.items).toEqual([
        expect.objectContaining({ ...resource, removedAt: null }),
      ]);

      const removed = await request(server)
        .post(`${BASE}/tenants/acme/ledger/${first.body.id}/removed`)
        .set(asScaffolder());
      expect(removed.status).toBe(200);
      expect(removed.body.removedAt).toEqual(expect.any(String));
      expect(
        (
          await request(server)
            .post(`${BASE}/tenants/acme/ledger/999/removed`)
            .set(asScaffolder())
        ).status,
      ).toBe(404);
      expect(
        (await request(server).get(`${BASE}/tenants/acme/ledger`).set(as()))
          .body.items,
      ).toEqual([]);
      expect(
        (
          await request(server)
            .get(`${BASE}/tenants/acme/ledger?includeRemoved=true`)
            .set(as())
        ).body.items,
      ).toHaveLength(1);
      expect(
        (await request(server).get(`${BASE}/tenants/acme`).set(as())).body
          .ledger,
      ).toEqual({ live: 0, removed: 1 });

      const ready = await request(server)
        .post(`${BASE}/tenants/acme/status`)
        .set(asScaffolder())
        .send({ status: 'ready', detail: 'all steps done' });
      expect(ready.body.status).toBe('ready');

      const history = await acmeHistory(server);
      expect(
        history.map((h: { action: string; actor: string }) => [
          h.action,
          h.actor,
        ]),
      ).toEqual([
        ['status-changed', 'plugin:scaffolder'],
        ['resource-removed', 'plugin:scaffolder'],
        ['resource-recorded', 'plugin:scaffolder'],
        ['created', ADA],
      ]);
    });

    it('starts deletion only through DELETE, and keeps the slug of a deleted tenant taken', async () => {
      const portal = await startPortalWithAcme();
      const { server } = portal;

      const sneaky = await request(server)
        .post(`${BASE}/tenants/acme/status`)
        .set(asScaffolder())
        .send({ status: 'deleting' });
      expect(sneaky.status).toBe(400);
      expect(sneaky.body.error.problems[0].field).toBe('status');

      const deleting = await request(server)
        .delete(`${BASE}/tenants/acme`)
        .set(as());
      expect(deleting.status).toBe(202);
      expect(deleting.body.status).toBe('deleting');
      expect(
        (await request(server).delete(`${BASE}/tenants/acme`).set(as())).status,
      ).toBe(409);

      const deleted = await request(server)
        .post(`${BASE}/tenants/acme/status`)
        .set(asScaffolder())
        .send({ status: 'deleted' });
      expect(deleted.body.status).toBe('deleted');
      expect((await register(portal)).status).toBe(409);
      expect(
        (await request(server).get(`${BASE}/slugs/acme`).set(as())).body
          .available,
      ).toBe(false);
      const history = await acmeHistory(server);
      expect(history[1]).toMatchObject({
        action: 'status-changed',
        actor: ADA,
        detail: 'provisioning → deleting: deletion requested',
      });
    });

    it("lets service tokens provision with Backstage's own permissions service", async () => {
      const portal = await startPortal({
        permissionFactory: mockServices.permissions.factory(),
        config: { permission: { enabled: true } },
      });
      const { server } = portal;

      const created = await register(portal, newTenant);
      expect(created.status).toBe(201);
      const recorded = await request(server)
        .post(`${BASE}/tenants/acme/ledger`)
        .set(asScaffolder())
        .send({
          step: 'database',
          resourceType: 'postgres-database',
          resourceId: 'tenant_acme',
        });
      expect(recorded.status).toBe(201);
      expect(recorded.body.details).toEqual({});
    });
  },
);
