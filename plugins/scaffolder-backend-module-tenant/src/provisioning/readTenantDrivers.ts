import { S3Client } from '@aws-sdk/client-s3';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { readOwnedDatabases } from '@internal/backend-databases';
import { createOctokit } from '@internal/backend-plugin-utils';
import Cloudflare from 'cloudflare';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { TenantDrivers } from '../actions/TenantActionDeps';
import { tenantDatabaseNaming } from './database/TenantDatabases';
import { CloudflareTenantDns } from './dns/CloudflareTenantDns';
import { DnsTargets } from './dns/TenantDns';
import { LocalZoneFileDns } from './dns/LocalZoneFileDns';
import { LocalTenantStorage } from './storage/LocalTenantStorage';
import { S3TenantStorage } from './storage/S3TenantStorage';
import { TenantConfigFiles } from './config/TenantConfigFiles';
import { TenantServiceDeployer } from './deploy/TenantServiceDeployer';
import { GithubActionsTenantCi } from './ci/GithubActionsTenantCi';
import { JenkinsTenantCi } from './ci/JenkinsTenantCi';
import { LocalTenantCi } from './ci/LocalTenantCi';
import {
  DeployTargetDefaults,
  EcsDeployTarget,
  LocalProcessDeployTarget,
  readEcsTargetOptions,
  readLocalTargetOptions,
  readTargetType,
} from '@internal/backend-deploy-targets';

const ROOT = 'tenantScaffolder.provisioning';

/**
 * The drivers `tenantScaffolder.provisioning` configures. Each part defaults
 * to its local driver under `dataDir` (the embedded default): SQLite files,
 * a folder per tenant, a zone file for `clients.localhost`.
 */
export function readTenantDrivers(
  rootConfig: Config,
  defaults: { dataDir: string },
): TenantDrivers {
  const config = rootConfig.getOptionalConfig(ROOT);
  const local = (path: string) => resolve(defaults.dataDir, path);

  const seedSqlFile = config?.getOptionalString('seedSqlFile');
  const assetsDir = config?.getOptionalString('assetsDir');
  return {
    databases: readDatabases(config?.getOptionalConfig('database'), local),
    storage: readStorage(config?.getOptionalConfig('storage'), local),
    dns: readDns(config?.getOptionalConfig('dns'), local),
    configFiles: new TenantConfigFiles(
      config?.getOptionalString('config.directory') ?? local('config'),
      readFileSync(
        resolve(
          config?.getOptionalString('config.nginxTemplateFile') ??
            resolvePackagePath(
              '@internal/plugin-scaffolder-backend-module-tenant',
              'assets/nginx.conf.template',
            ),
        ),
        'utf8',
      ),
    ),
    services: readServices(
      config?.getOptionalConfig('deploy'),
      rootConfig,
      local,
    ),
    ci: readCi(config?.getOptionalConfig('ci'), local),
    seedSql: seedSqlFile ? readFileSync(resolve(seedSqlFile), 'utf8') : '',
    assetsDir: assetsDir ? resolve(assetsDir) : local('assets'),
  };
}

function readDatabases(
  config: Config | undefined,
  local: (path: string) => string,
) {
  return readOwnedDatabases(config, {
    naming: tenantDatabaseNaming,
    defaultDirectory: local('databases'),
    hostKey: 'tenantHost',
  });
}

function readStorage(
  config: Config | undefined,
  local: (path: string) => string,
) {
  if (config?.getString('type') === 's3') {
    return new S3TenantStorage({
      client: new S3Client({
        region: config.getString('region'),
        endpoint: config.getOptionalString('endpoint'),
        forcePathStyle: config.getOptionalBoolean('forcePathStyle'),
      }),
      bucket: config.getString('bucket'),
      prefixRoot: config.getOptionalString('prefixRoot'),
    });
  }
  return new LocalTenantStorage(
    config?.getOptionalString('directory') ?? local('storage'),
  );
}

/**
 * `deploy.target`: `local` (the default) runs a process per tenant from a git
 * worktree of `deploy.repository` at `deploy.ref`, with the local target's
 * keys (`command`, `workDir`, ...) directly under `deploy`; `ecs` runs an
 * ECS service per tenant as `deploy.ecs` (review environments' ECS block)
 * configures, from the image `<deploy.ecs.imageRepository>:<tenant version>`.
 */
function readServices(
  config: Config | undefined,
  rootConfig: Config,
  local: (path: string) => string,
) {
  const defaults: DeployTargetDefaults = {
    localWorkDir: local('services'),
    localCommand: 'node examples/tenant-app/server.js',
    healthPath: '/health',
    configKey: `${ROOT}.deploy`,
  };
  if (readTargetType(config, defaults) === 'ecs') {
    const ecs = config!.getConfig('ecs');
    // No ref: each tenant's image is tagged with its version.
    return new TenantServiceDeployer(
      new EcsDeployTarget(readEcsTargetOptions(ecs, rootConfig, defaults)),
      { repository: ecs.getString('imageRepository') },
    );
  }
  return new TenantServiceDeployer(
    new LocalProcessDeployTarget(readLocalTargetOptions(config, defaults)),
    {
      repository: resolve(config?.getOptionalString('repository') ?? '.'),
      ref: config?.getOptionalString('ref') ?? 'HEAD',
    },
  );
}

function readDns(config: Config | undefined, local: (path: string) => string) {
  const domain = config?.getOptionalString('domain') ?? 'clients.localhost';
  const targets: DnsTargets = {
    production: config?.getOptionalString('targets.production') ?? 'localhost',
    staging: config?.getOptionalString('targets.staging') ?? 'localhost',
  };
  if (config?.getString('type') === 'cloudflare') {
    return new CloudflareTenantDns({
      client: new Cloudflare({
        apiToken: config.getString('apiToken'),
        baseURL: config.getOptionalString('apiBaseUrl'),
      }),
      zoneId: config.getString('zoneId'),
      domain,
      targets,
    });
  }
  return new LocalZoneFileDns(
    config?.getOptionalString('zoneFile') ?? local('clients.zone'),
    domain,
    targets,
  );
}

function readCi(config: Config | undefined, local: (path: string) => string) {
  const type = config?.getOptionalString('type') ?? 'local';
  if (type === 'github') {
    return new GithubActionsTenantCi({
      octokit: createOctokit({
        auth: config!.getString('token'),
        baseUrl: config!.getOptionalString('apiBaseUrl'),
      }),
      repository: config!.getString('repository'),
      branch: config!.getOptionalString('branch') ?? 'main',
    });
  }
  if (type === 'jenkins') {
    return new JenkinsTenantCi({
      baseUrl: config!.getString('baseUrl'),
      username: config!.getString('username'),
      apiToken: config!.getString('apiToken'),
      template: readFileSync(
        resolve(
          config!.getOptionalString('templateFile') ??
            resolvePackagePath(
              '@internal/plugin-scaffolder-backend-module-tenant',
              'assets/jenkins-job.xml.template',
            ),
        ),
        'utf8',
      ),
    });
  }
  if (type !== 'local') {
    throw new Error(
      `tenantScaffolder.provisioning.ci.type must be github, jenkins or local, not '${type}'`,
    );
  }
  return new LocalTenantCi(
    config?.getOptionalString('directory') ?? local('ci'),
  );
}
