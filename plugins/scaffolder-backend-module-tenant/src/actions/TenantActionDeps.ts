import { PermissionsService } from '@backstage/backend-plugin-api';
import { TenantCi } from '../provisioning/ci/TenantCi';
import { TenantConfigFiles } from '../provisioning/config/TenantConfigFiles';
import { TenantServiceDeployer } from '../provisioning/deploy/TenantServiceDeployer';
import { TenantDatabases } from '../provisioning/database/TenantDatabases';
import { TenantDns } from '../provisioning/dns/TenantDns';
import { TenantStorage } from '../provisioning/storage/TenantStorage';
import { TenantRegistryApi } from '../registry/TenantRegistryClient';
import { ResourceRemover, TenantRollback } from '../rollback/TenantRollback';

/** The configured drivers each provisioning step goes through. */
export type TenantDrivers = {
  databases: TenantDatabases;
  storage: TenantStorage;
  dns: TenantDns;
  configFiles: TenantConfigFiles;
  services: TenantServiceDeployer;
  ci: TenantCi;
  /** SQL loaded into every new tenant database. */
  seedSql: string;
  /** Folder whose contents every new tenant's storage starts with. */
  assetsDir: string;
};

/** Every driver, as the removers undo and delete go through. */
export function tenantRemovers(drivers: TenantDrivers): ResourceRemover[] {
  return [
    drivers.databases,
    drivers.storage,
    drivers.dns,
    drivers.configFiles,
    drivers.services,
    drivers.ci,
  ];
}

export type TenantActionDeps = {
  registry: TenantRegistryApi;
  /** Asked whether the person who runs a template may create tenants. */
  permissions: PermissionsService;
  /** The version a new tenant starts on when the template names none. */
  newTenantVersion: string;
  rollback: TenantRollback;
  drivers: TenantDrivers;
};
