import { TestDatabaseId, mockServices } from '@backstage/backend-test-utils';
import {
  tenantRegistration,
  tenantSettings,
} from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { ADA, SCAFFOLDER } from '../__testUtils__/actors';
import { registryDatabases } from '../__testUtils__/registryDatabases';
import { DatabaseTenantStore } from './DatabaseTenantStore';

jest.setTimeout(60_000);

const settings = tenantSettings();

describe('DatabaseTenantStore', () => {
  const databases = registryDatabases();

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseTenantStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    return { store, knex };
  }

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    it('stores a new tenant as provisioning at revision 1, with its history', async () => {
      const { store } = await createStore(databaseId);

      const created = await store.create(tenantRegistration(), { actor: ADA });

      expect(created).toMatchObject({
        slug: 'acme',
        name: 'Acme Corp',
        plan: { kind: 'trial', endsOn: '2027-01-31' },
        status: 'provisioning',
        version: '1.4.2',
        settings,
        owner: 'group:default/sales',
        revision: 1,
        secretNames: [],
      });
      expect(Date.parse(created.createdAt)).toBeGreaterThan(
        Date.now() - 60_000,
      );
      expect(await store.get('acme')).toEqual(created);
      expect(await store.get('nope')).toBeUndefined();
      expect(await store.history('acme', 10)).toEqual([
        expect.objectContaining({
          actor: ADA,
          action: 'created',
          detail: expect.stringContaining('trial until 2027-01-31'),
        }),
      ]);
    });

    it('refuses a taken slug, and keeps the slug of a deleted tenant taken', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });

      await expect(
        store.create(tenantRegistration({ name: 'Other' }), { actor: ADA }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining("'acme'"),
      });

      await store.setStatus('acme', 'deleting', { actor: ADA });
      await store.setStatus('acme', 'deleted', { actor: SCAFFOLDER });
      expect(await store.isSlugTaken('acme')).toBe(true);
      expect(await store.isSlugTaken('acme-eu')).toBe(false);
      await expect(
        store.create(tenantRegistration(), { actor: ADA }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('never reused'),
      });
      expect((await store.get('acme'))!.name).toBe('Acme Corp');
    });

    it('lists tenants by status and plan', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration({ slug: 'acme' }), { actor: ADA });
      await store.create(
        tenantRegistration({ slug: 'beta', plan: { kind: 'paid' } }),
        {
          actor: ADA,
        },
      );
      await store.create(tenantRegistration({ slug: 'gamma' }), { actor: ADA });
      await store.setStatus('gamma', 'ready', { actor: SCAFFOLDER });
      await store.setSecret('gamma', 'smtp-password', 's3cret', {
        actor: ADA,
      });

      const slugs = async (filter = {}) =>
        (await store.list(filter)).map(t => t.slug);
      expect(await slugs()).toEqual(['acme', 'beta', 'gamma']);
      expect(await slugs({ plan: 'paid' })).toEqual(['beta']);
      expect(await slugs({ status: 'ready' })).toEqual(['gamma']);
      expect(await slugs({ status: 'provisioning', plan: 'trial' })).toEqual([
        'acme',
      ]);
      expect((await store.list()).map(t => t.secretNames)).toEqual([
        [],
        [],
        ['smtp-password'],
      ]);
    });

    it('updates settings with a compare-and-set on the revision, naming what changed', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });
      const orange = {
        ...settings,
        branding: {
          ...settings.branding,
          palette: { ...settings.branding.palette, primary: '#ff8800' },
        },
      };

      const updated = await store.updateSettings('acme', orange, {
        actor: ADA,
        expectedRevision: 1,
      });
      expect(updated.settings.branding.palette.primary).toBe('#ff8800');
      expect(updated.revision).toBe(2);
      await expect(
        store.updateSettings('acme', settings, {
          actor: ADA,
          expectedRevision: 1,
        }),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining('revision 2'),
      });
      await expect(
        store.updateSettings('nope', settings, { actor: ADA }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });

      const [latest] = await store.history('acme', 1);
      expect(latest).toMatchObject({
        action: 'settings-updated',
        actor: ADA,
        detail: 'changed branding.palette.primary',
      });
    });

    it('lets exactly one of concurrent changes from the same revision win', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });

      const results = await Promise.allSettled(
        ['#111111', '#222222', '#333333', '#444444', '#555555'].map(primary =>
          store.updateSettings(
            'acme',
            {
              ...settings,
              branding: {
                palette: { ...settings.branding.palette, primary },
              },
            },
            { actor: ADA, expectedRevision: 1 },
          ),
        ),
      );

      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      expect((await store.get('acme'))!.revision).toBe(2);
    });

    it('upgrades a trial to paid once', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });

      const upgraded = await store.upgradePlan('acme', { actor: ADA });
      expect(upgraded.plan).toEqual({ kind: 'paid' });
      await expect(
        store.upgradePlan('acme', { actor: ADA }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      expect((await store.history('acme', 1))[0]).toMatchObject({
        action: 'plan-upgraded',
        detail: 'trial until 2027-01-31 → paid',
      });
    });

    it('changes status idempotently, marks deleted only while deleting, and freezes deleted tenants', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });

      await store.setStatus('acme', 'ready', {
        actor: SCAFFOLDER,
        detail: 'all steps done',
      });
      const again = await store.setStatus('acme', 'ready', {
        actor: SCAFFOLDER,
      });
      expect(again.revision).toBe(2);
      expect(await store.history('acme', 10)).toHaveLength(2);
      expect((await store.history('acme', 1))[0]).toMatchObject({
        action: 'status-changed',
        actor: SCAFFOLDER,
        detail: 'provisioning → ready: all steps done',
      });

      await expect(
        store.setStatus('acme', 'deleted', { actor: SCAFFOLDER }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
      await store.setStatus('acme', 'deleting', { actor: ADA });
      await expect(
        store.updateSettings('acme', settings, { actor: ADA }),
      ).rejects.toMatchObject({ message: "'acme' is being deleted" });
      await store.setStatus('acme', 'deleted', { actor: SCAFFOLDER });
      await expect(
        store.setStatus('acme', 'ready', { actor: SCAFFOLDER }),
      ).rejects.toMatchObject({ message: "'acme' is deleted" });
      await expect(
        store.setVersion('acme', '2.0.0', { actor: SCAFFOLDER }),
      ).rejects.toMatchObject({ name: 'ConflictError' });
    });

    it('keeps secrets apart from the tenant, writing them with the change', async () => {
      const { store, knex } = await createStore(databaseId);
      await store.create(tenantRegistration(), {
        actor: ADA,
        secrets: { 'smtp-password': 'hunter2' },
      });

      expect(await store.getSecret('acme', 'smtp-password')).toBe('hunter2');
      const stored = await store.get('acme');
      expect(stored!.secretNames).toEqual(['smtp-password']);
      expect(JSON.stringify(stored)).not.toContain('hunter2');
      const row = await knex('tenants').where({ slug: 'acme' }).first();
      expect(JSON.stringify(row)).not.toContain('hunter2');

      await store.updateSettings('acme', settings, {
        actor: ADA,
        secrets: { 'smtp-password': null },
      });
      expect(await store.getSecret('acme', 'smtp-password')).toBeUndefined();
      await store.setSecret('acme', 'smtp-password', 'correct horse', {
        actor: ADA,
      });
      expect(await store.getSecret('acme', 'smtp-password')).toBe(
        'correct horse',
      );

      const history = await store.history('acme', 10);
      expect(history.map(entry => entry.detail)).toEqual([
        'secret smtp-password set',
        'no setting changed; secret smtp-password removed',
        expect.stringContaining('secret smtp-password set'),
      ]);
      expect(JSON.stringify(history)).not.toMatch(/hunter2|correct horse/);
    });

    it('records a resource once however often it is recorded, and marks it removed', async () => {
      const { store } = await createStore(databaseId);
      await store.create(tenantRegistration(), { actor: ADA });
      const database = {
        slug: 'acme',
        step: 'database',
        resourceType: 'postgres-database',
        resourceId: 'tenant_acme',
        details: { host: 'db.internal' },
      };

      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          store.recordResource(database, { actor: SCAFFOLDER }),
        ),
      );
      expect(results.filter(result => result.recorded)).toHaveLength(1);
      expect(new Set(results.map(result => result.entry.id)).size).toBe(1);
      const { entry } = results[0];
      expect(entry).toMatchObject({
        ...database,
        removedAt: null,
      });
      await store.recordResource(
        { ...database, resourceType: 'postgres-role', resourceId: 'acme' },
        { actor: SCAFFOLDER },
      );
      expect(await store.ledgerSummary('acme')).toEqual({
        live: 2,
        removed: 0,
      });

      const removed = await store.markResourceRemoved('acme', entry.id, {
        actor: SCAFFOLDER,
      });
      expect(removed!.removedAt).not.toBeNull();
      expect(
        await store.markResourceRemoved('acme', entry.id, {
          actor: SCAFFOLDER,
        }),
      ).toEqual(removed);
      expect(
        await store.markResourceRemoved('other', entry.id, {
          actor: SCAFFOLDER,
        }),
      ).toBeUndefined();
      expect((await store.listLedger('acme')).map(e => e.resourceType)).toEqual(
        ['postgres-role'],
      );
      expect(
        await store.listLedger('acme', { includeRemoved: true }),
      ).toHaveLength(2);
      expect(await store.ledgerSummary('acme')).toEqual({
        live: 1,
        removed: 1,
      });

      const again = await store.recordResource(database, {
        actor: SCAFFOLDER,
      });
      expect(again).toMatchObject({
        recorded: true,
        entry: { id: entry.id, removedAt: null },
      });

      const actions = (await store.history('acme', 10)).map(h => h.action);
      expect(actions).toEqual([
        'resource-recorded',
        'resource-removed',
        'resource-recorded',
        'resource-recorded',
        'created',
      ]);
      await expect(
        store.recordResource({ ...database, slug: 'nope' }, { actor: ADA }),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
    });
  });
});
