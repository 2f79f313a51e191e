import { mockServices } from '@backstage/backend-test-utils';
import { LocalProcessDeployTarget } from '@internal/backend-deploy-targets';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TenantConfigFiles } from '../provisioning/config/TenantConfigFiles';
import { TenantServiceDeployer } from '../provisioning/deploy/TenantServiceDeployer';
import { LedgerResource } from '../provisioning/LedgerResource';
import {
  LedgerEntry,
  TenantRegistryApi,
} from '../registry/TenantRegistryClient';
import { TenantConfigRefresh } from './TenantConfigRefresh';
import { TenantUpgrade } from './TenantUpgrade';

jest.setTimeout(60_000);

/** Answers its version on /; a version ending in -broken never becomes healthy. */
const SERVER = `
const http = require('http');
const version = process.env.TENANT_VERSION;
http.createServer((req, res) => {
  res.statusCode = req.url === '/health' && version.endsWith('-broken') ? 503 : 200;
  res.end(version);
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

/** The registry's ledger for one tenant, in memory. */
function fakeRegistry(ledger: LedgerEntry[]): TenantRegistryApi {
  return {
    get: async slug =>
      slug === 'acme'
        ? {
            slug,
            status: 'ready',
            name: 'Acme',
            version: '1.0.0',
            settings: { analyticsId: 'G-NEW' },
          }
        : undefined,
    liveResources: async () => ledger.filter(entry => !entry.removedAt),
  } as Partial<TenantRegistryApi> as TenantRegistryApi;
}

describe('TenantUpgrade', () => {
  let root: string;
  let target: LocalProcessDeployTarget;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'tenant-upgrade-'));
    const repository = join(root, 'repo');
    execFileSync('git', ['init', '-q', repository]);
    writeFileSync(join(repository, 'server.js'), SERVER);
    const git = (...args: string[]) =>
      execFileSync('git', [
        '-C',
        repository,
        '-c',
        'user.name=t',
        '-c',
        'user.email=t@example.com',
        ...args,
      ]);
    git('add', '.');
    git('commit', '-q', '-m', 'app');
    target = new LocalProcessDeployTarget({
      workDir: join(root, 'services'),
      command: `"${process.execPath}" server.js`,
      healthPath: '/health',
      healthTimeoutMs: 3_000,
    });
  });

  afterEach(async () => {
    await target.teardown('tenant-acme');
    rmSync(root, { recursive: true, force: true });
  });

  async function provisioned() {
    const ledger: LedgerEntry[] = [];
    const record = async (resource: LedgerResource) => {
      ledger.push({
        id: ledger.length + 1,
        slug: 'acme',
        step: 'test',
        resourceType: resource.type,
        resourceId: resource.id,
        details: {},
        createdAt: new Date().toISOString(),
        removedAt: null,
      });
    };
    const configFiles = new TenantConfigFiles(
      join(root, 'config'),
      'server_name {{ production_host }}; # {{ version }}\n',
    );
    const { configFile, nginxFile } = await configFiles.render(
      {
        slug: 'acme',
        name: 'Acme',
        version: '1.0.0',
        hostnames: { production: 'acme.example', staging: 'acme.staging' },
        database: {},
        storage: '',
        settingsUrl: 'http://portal/tenants/acme',
        settings: { analyticsId: 'G-OLD' },
      },
      record,
    );
    const services = new TenantServiceDeployer(target, {
      repository: join(root, 'repo'),
      ref: 'HEAD',
    });
    const { url } = await services.deploy(
      'acme',
      { configFile, version: '1.0.0' },
      record,
      () => {},
    );
    const upgrade = new TenantUpgrade(
      fakeRegistry(ledger),
      configFiles,
      services,
      mockServices.logger.mock(),
    );
    const configRefresh = new TenantConfigRefresh(
      fakeRegistry(ledger),
      configFiles,
    );
    return { upgrade, configRefresh, configFile, nginxFile, url, ledger };
  }

  it('rewrites the config files and serves the new version', async () => {
    const { upgrade, configFile, nginxFile } = await provisioned();

    const result = await upgrade.upgrade('acme', '1.1.0');

    expect(readFileSync(configFile, 'utf8')).toContain('version: 1.1.0');
    expect(readFileSync(nginxFile, 'utf8')).toBe(
      'server_name acme.example; # 1.1.0\n',
    );
    expect(await (await fetch(result.url!)).text()).toBe('1.1.0');
  });

  it('leaves the old version serving and the files as they were when the new one is unhealthy', async () => {
    const { upgrade, configFile, nginxFile, url } = await provisioned();
    const before = [
      readFileSync(configFile, 'utf8'),
      readFileSync(nginxFile, 'utf8'),
    ];

    await expect(upgrade.upgrade('acme', '1.1.0-broken')).rejects.toThrow();

    expect([
      readFileSync(configFile, 'utf8'),
      readFileSync(nginxFile, 'utf8'),
    ]).toEqual(before);
    expect(await (await fetch(url)).text()).toBe('1.0.0');
  });

  it('touches no file the ledger does not list', async () => {
    const { upgrade, configFile, ledger } = await provisioned();
    ledger.find(entry => entry.resourceId === configFile)!.removedAt =
      new Date().toISOString();
    const before = readFileSync(configFile, 'utf8');

    await upgrade.upgrade('acme', '1.2.0');

    expect(readFileSync(configFile, 'utf8')).toBe(before);
  });

  it("writes the registry's current settings into config.yml, where the running instance reads them", async () => {
    const { configRefresh, configFile, ledger } = await provisioned();
    expect(readFileSync(configFile, 'utf8')).toContain('analyticsId: G-OLD');

    expect(await configRefresh.refresh('acme')).toEqual({
      slug: 'acme',
      written: true,
    });
    const config = readFileSync(configFile, 'utf8');
    expect(config).toContain('analyticsId: G-NEW');
    expect(config).toContain('source: http://portal/tenants/acme');
    expect(config).toContain('version: 1.0.0');

    // A config.yml the ledger does not list is not the portal's to change.
    ledger.find(entry => entry.resourceId === configFile)!.removedAt =
      new Date().toISOString();
    writeFileSync(configFile, 'settings: {}\n');
    expect(await configRefresh.refresh('acme')).toEqual({
      slug: 'acme',
      written: false,
    });
    expect(readFileSync(configFile, 'utf8')).toBe('settings: {}\n');
    await expect(configRefresh.refresh('nobody')).rejects.toThrow(
      "No tenant 'nobody'",
    );
  });

  it('says so for an unknown tenant', async () => {
    const { upgrade } = await provisioned();
    await expect(upgrade.upgrade('nobody', '1.1.0')).rejects.toThrow(
      "No tenant 'nobody'",
    );
  });
});
