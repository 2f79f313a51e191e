import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { LocalProcessDeployTarget } from '@internal/backend-deploy-targets';
import { smtpMail } from '@internal/plugin-tenant-scaffolder-common/testUtils';
import { TenantServiceDeployer } from '../provisioning/deploy/TenantServiceDeployer';
import { SqliteTenantDatabases } from '../provisioning/database/TenantDatabases';
import { LocalZoneFileDns } from '../provisioning/dns/LocalZoneFileDns';
import { LocalTenantStorage } from '../provisioning/storage/LocalTenantStorage';
import { TenantConfigFiles } from '../provisioning/config/TenantConfigFiles';
import { LocalTenantCi } from '../provisioning/ci/LocalTenantCi';
import { TenantDeprovisioner } from '../deprovision/TenantDeprovisioner';
import { MemoryRegistry } from '../__testUtils__/MemoryRegistry';
import { ResourceRemover, TenantRollback } from '../rollback/TenantRollback';
import { createTenantActions } from './createTenantActions';
import { TenantDrivers, tenantRemovers } from './TenantActionDeps';

const tenant = {
  slug: 'acme',
  name: 'Acme Corp',
  plan: { kind: 'paid' as const },
  region: 'eu-west-1',
  owner: 'group:default/customer-success',
  settings: { mail: { mode: 'platform' } },
};

/** A git repository holding the tenant app, as the local deploy target needs one. */
const appRepository = mkdtempSync(join(tmpdir(), 'tenant-app-'));

beforeAll(() => {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', appRepository, ...args], {
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    });
  mkdirSync(join(appRepository, 'examples/tenant-app'), { recursive: true });
  copyFileSync(
    resolvePath(__dirname, '../../../../examples/tenant-app/server.js'),
    join(appRepository, 'examples/tenant-app/server.js'),
  );
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'tenant app');
});

afterAll(() => rmSync(appRepository, { recursive: true, force: true }));

describe('tenant:* actions on the local drivers', () => {
  const directory = createMockDirectory();
  let registry: MemoryRegistry;
  let drivers: TenantDrivers;
  let logger: ReturnType<typeof mockServices.logger.mock>;

  const zoneFile = () =>
    directory.content({ shouldReadAsText: true })?.['clients.zone'];

  beforeEach(() => {
    directory.setContent({
      assets: { 'logo.svg': '<svg/>' },
      'clients.zone': '',
    });
    registry = new MemoryRegistry();
    logger = mockServices.logger.mock();
    drivers = {
      databases: new SqliteTenantDatabases(directory.resolve('databases')),
      storage: new LocalTenantStorage(directory.resolve('storage')),
      dns: new LocalZoneFileDns(
        directory.resolve('clients.zone'),
        'clients.localhost',
        { production: 'localhost', staging: 'localhost' },
      ),
      configFiles: new TenantConfigFiles(
        directory.resolve('config'),
        'server { server_name {{ production_host }}; } # {{ slug }}\n',
      ),
      services: new TenantServiceDeployer(
        new LocalProcessDeployTarget({
          workDir: directory.resolve('services'),
          command: 'node examples/tenant-app/server.js',
          healthPath: '/health',
          healthTimeoutMs: 20_000,
        }),
        { repository: appRepository, ref: 'HEAD' },
      ),
      ci: new LocalTenantCi(directory.resolve('ci')),
      seedSql: 'CREATE TABLE invoices (id INTEGER PRIMARY KEY);',
      assetsDir: directory.resolve('assets'),
    };
  });

  function actions(removers?: ResourceRemover[]) {
    const rollback = new TenantRollback(
      registry,
      removers ?? tenantRemovers(drivers),
    );
    const byId = new Map(
      createTenantActions({
        registry,
        permissions: mockServices.permissions(),
        rollback,
        drivers,
        newTenantVersion: '1.0.0',
      }).map(action => [action.id, action]),
    );
    return async (id: string, input: object, extra: object = {}) => {
      const ctx = {
        ...createMockActionContext({ input, logger: logger as any }),
        ...extra,
      };
      await byId.get(id)!.handler(ctx as any);
      return ctx;
    };
  }

  const steps = [
    'tenant:database:create',
    'tenant:storage:create',
    'tenant:dns:create',
  ];

  it('provisions a tenant step by step, recording each resource', async () => {
    const run = actions();
    await run('tenant:register', tenant);
    // The template names no version: the tenant starts on the configured one.
    expect(registry.registered[0].version).toBe('1.0.0');
    for (const step of steps) await run(step, { slug: 'acme' });
    await run('tenant:config:render', {
      slug: 'acme',
      database: { client: 'better-sqlite3', filename: 'acme.sqlite' },
      storage: 'storage/acme',
    });
    const ci = await run('tenant:ci:create', { slug: 'acme' });
    await run('tenant:provisioning:complete', { slug: 'acme' });

    expect(registry.tenants.get('acme')?.status).toBe('ready');
    expect(existsSync(directory.resolve('databases/acme.sqlite'))).toBe(true);
    expect(readdirSync(directory.resolve('storage/acme'))).toEqual([
      'logo.svg',
    ]);
    expect(zoneFile()).toContain('acme.clients.localhost.');
    const config = directory.content({ shouldReadAsText: true })?.config as any;
    expect(config.acme['config.yml']).toContain(
      'production: acme.clients.localhost',
    );
    expect(config.acme['config.yml']).toContain(
      'source: http://localhost:7007/api/tenant-scaffolder/tenants/acme',
    );
    expect(config.acme['nginx.conf']).toBe(
      'server { server_name acme.clients.localhost; } # acme\n',
    );
    const workflow = (directory.content({ shouldReadAsText: true }) as any).ci[
      'tenant-acme.yml'
    ];
    expect(workflow).toContain('name: tenant-acme');
    expect(workflow).toContain('url: https://acme.clients.localhost');
    expect((ci.output as jest.Mock).mock.calls[0]).toEqual([
      'result',
      {
        name: 'tenant-acme',
        url: expect.stringMatching(/^file:.*\/ci\/tenant-acme\.yml$/),
      },
    ]);
    expect(registry.ledger.map(entry => entry.step)).toEqual([
      'database',
      'storage',
      'dns',
      'dns',
      'config',
      'config',
      'ci',
    ]);
  });

  it('refuses a CI workflow file it did not write, rolls back, and leaves that file alone', async () => {
    directory.addContent({ ci: { 'tenant-acme.yml': 'ops-managed' } });
    const run = actions();
    await run('tenant:register', tenant);
    await run('tenant:config:render', { slug: 'acme' });

    await expect(run('tenant:ci:create', { slug: 'acme' })).rejects.toThrow(
      /already exists/,
    );

    expect(registry.tenants.get('acme')).toEqual({
      status: 'failed',
      detail: expect.stringMatching(/^ci failed: .*rolled back 2 resource/),
    });
    expect(registry.ledger.map(entry => entry.step)).toEqual([
      'config',
      'config',
    ]);
    expect(readdirSync(directory.resolve('ci'))).toEqual(['tenant-acme.yml']);
    expect(existsSync(directory.resolve('config/acme'))).toBe(false);
  });

  it('undoes the CI step like any other: its workflow file goes', async () => {
    const run = actions();
    await run('tenant:register', tenant);
    await run('tenant:ci:create', { slug: 'acme' });
    expect(readdirSync(directory.resolve('ci'))).toEqual(['tenant-acme.yml']);

    await new TenantRollback(registry, [drivers.ci]).undo('acme', () => {});

    expect(readdirSync(directory.resolve('ci'))).toEqual([]);
    expect(registry.ledger.every(entry => entry.removedAt)).toBe(true);
  });

  it('deletes a tenant marked deleting through the undo steps, and leaves what it did not make', async () => {
    directory.addContent({ config: { acme: { 'notes.txt': 'ops notes' } } });
    const run = actions();
    await run('tenant:register', tenant);
    for (const step of steps) await run(step, { slug: 'acme' });
    await run('tenant:config:render', { slug: 'acme' });
    await run('tenant:provisioning:complete', { slug: 'acme' });
    const deployed = await run('tenant:service:deploy', { slug: 'acme' });
    const { url } = (deployed.output as jest.Mock).mock.calls[0][1] as {
      url: string;
    };
    const page = await (await fetch(url)).text();
    expect(page).toContain('Tenant acme');
    expect(page).toContain('production: acme.clients.localhost');
    registry.tenants.set('acme', { status: 'deleting' });

    const rollback = new TenantRollback(registry, [
      drivers.databases,
      drivers.storage,
      drivers.dns,
      drivers.configFiles,
      drivers.services,
    ]);
    await new TenantDeprovisioner(registry, rollback, logger).run();

    expect(registry.tenants.get('acme')).toEqual({
      status: 'deleted',
      detail: 'deleted; removed 7 resources',
    });
    expect(existsSync(directory.resolve('databases/acme.sqlite'))).toBe(false);
    expect(existsSync(directory.resolve('storage/acme'))).toBe(false);
    expect(zoneFile()).not.toContain('acme');
    expect(readdirSync(directory.resolve('config/acme'))).toEqual([
      'notes.txt',
    ]);
  });

  it('refuses to render over a config file it did not write, and leaves that file alone on undo', async () => {
    directory.addContent({ config: { acme: { 'nginx.conf': 'ops-managed' } } });
    const run = actions();
    await run('tenant:register', tenant);
    await run('tenant:database:create', { slug: 'acme' });

    await expect(run('tenant:config:render', { slug: 'acme' })).rejects.toThrow(
      /already exists/,
    );

    expect(registry.tenants.get('acme')?.status).toBe('failed');
    expect(readdirSync(directory.resolve('config/acme'))).toEqual([
      'nginx.conf',
    ]);
    expect(existsSync(directory.resolve('databases/acme.sqlite'))).toBe(false);
  });

  it('undoes the config step like any other: its files go, a file it did not write stays', async () => {
    directory.addContent({ config: { acme: { 'notes.txt': 'ops notes' } } });
    const run = actions();
    await run('tenant:register', tenant);
    await run('tenant:config:render', { slug: 'acme' });
    expect(readdirSync(directory.resolve('config/acme')).sort()).toEqual([
      'config.yml',
      'nginx.conf',
      'notes.txt',
    ]);

    await new TenantRollback(registry, [drivers.configFiles]).undo(
      'acme',
      () => {},
    );

    expect(readdirSync(directory.resolve('config/acme'))).toEqual([
      'notes.txt',
    ]);
  });

  it('undoes every completed step, newest first, when a step fails, and leaves what it did not make', async () => {
    const foreignRecord =
      'acme.staging.clients.localhost. 300 IN CNAME elsewhere. ; ops\n';
    directory.addContent({ 'clients.zone': foreignRecord });
    const run = actions();
    await run('tenant:register', tenant);
    await run('tenant:database:create', { slug: 'acme' });
    await run('tenant:storage:create', { slug: 'acme' });

    await expect(run('tenant:dns:create', { slug: 'acme' })).rejects.toThrow(
      /already/,
    );

    expect(registry.tenants.get('acme')).toEqual({
      status: 'failed',
      detail: expect.stringMatching(/^dns failed: .*rolled back 2 resource/),
    });
    expect(existsSync(directory.resolve('databases/acme.sqlite'))).toBe(false);
    expect(existsSync(directory.resolve('storage/acme'))).toBe(false);
    expect(zoneFile()).toBe(foreignRecord);
    expect(registry.ledger.every(entry => entry.removedAt)).toBe(true);
    expect(
      logger.info.mock.calls
        .map(([message]) => message)
        .filter(m => /^Undone/.test(m)),
    ).toEqual([
      expect.stringContaining('local-folder'),
      expect.stringContaining('sqlite-file'),
    ]);
  });

  it('ends needs-cleanup, naming what is left, when an undo fails', async () => {
    const stuckStorage: ResourceRemover = {
      resourceTypes: drivers.storage.resourceTypes,
      remove: async () => {
        throw new Error('permission denied');
      },
    };
    const run = actions([drivers.databases, stuckStorage, drivers.dns]);
    directory.addContent({
      'clients.zone': 'acme.clients.localhost. 300 IN A 192.0.2.1\n',
    });
    await run('tenant:register', tenant);
    await run('tenant:database:create', { slug: 'acme' });
    await run('tenant:storage:create', { slug: 'acme' });
    await expect(run('tenant:dns:create', { slug: 'acme' })).rejects.toThrow();

    const { status, detail } = registry.tenants.get('acme')!;
    expect(status).toBe('needs-cleanup');
    expect(detail).toMatch(/left to clean up: local-folder .*acme/);
    expect(existsSync(directory.resolve('databases/acme.sqlite'))).toBe(false);
  });

  it('repeats a step interrupted half-way: removes what it had made, then makes it again', async () => {
    const run = actions();
    await run('tenant:register', tenant);
    // An attempt that recorded and created the database, then died.
    await drivers.databases.create('acme', '', async resource => {
      await registry.recordResource('acme', {
        step: 'database',
        resourceType: resource.type,
        resourceId: resource.id,
        details: resource.details ?? {},
      });
    });

    await run('tenant:database:create', { slug: 'acme' });

    expect(registry.ledger.map(e => [e.step, Boolean(e.removedAt)])).toEqual([
      ['database', true],
      ['database', false],
    ]);
    expect(registry.tenants.get('acme')?.status).toBe('provisioning');
  });

  it('describes each step on a dry run and changes nothing', async () => {
    const run = actions();
    await run('tenant:register', tenant, { isDryRun: true });
    for (const step of [...steps, 'tenant:ci:create'])
      await run(step, { slug: 'acme' }, { isDryRun: true });

    expect(registry.tenants.size).toBe(0);
    expect(existsSync(directory.resolve('databases'))).toBe(false);
    expect(existsSync(directory.resolve('ci'))).toBe(false);
    const lines = logger.info.mock.calls.map(([message]) => message);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Would register tenant acme/),
        expect.stringMatching(/^Would create .*acme\.sqlite/),
        expect.stringMatching(/^Would create CNAME|^Would add/),
        expect.stringMatching(/^Would write the CI workflow tenant-acme/),
      ]),
    );
  });

  it('takes the SMTP password only as a task secret, and never logs it', async () => {
    const run = actions();
    const smtp = {
      ...tenant,
      settings: { mail: smtpMail },
    };
    await expect(run('tenant:register', smtp)).rejects.toThrow(
      /task secret smtpPassword/,
    );
    await run('tenant:register', smtp, {
      secrets: { smtpPassword: 'Hunter2-secret' },
    });

    expect(registry.registered[0].settings).toMatchObject({
      mail: { password: 'Hunter2-secret' },
    });
    const logged = JSON.stringify([
      ...logger.info.mock.calls,
      ...logger.error.mock.calls,
    ]);
    expect(logged).not.toContain('Hunter2');
  });
});
