export type {
  LedgerResource,
  RecordResource,
} from './provisioning/LedgerResource';
export type {
  TenantDatabaseConnection,
  TenantDatabases,
} from './provisioning/database/TenantDatabases';
export {
  PostgresTenantDatabases,
  SqliteTenantDatabases,
  tenantDatabaseNaming,
} from './provisioning/database/TenantDatabases';
export type { TenantStorage } from './provisioning/storage/TenantStorage';
export { LocalTenantStorage } from './provisioning/storage/LocalTenantStorage';
export { S3TenantStorage } from './provisioning/storage/S3TenantStorage';
export type {
  TenantDns,
  TenantHostnames,
  DnsTargets,
} from './provisioning/dns/TenantDns';
export { CloudflareTenantDns } from './provisioning/dns/CloudflareTenantDns';
export { LocalZoneFileDns } from './provisioning/dns/LocalZoneFileDns';
export { scaffolderModuleTenant as default } from './module';
export { createTenantActions } from './actions/createTenantActions';
export type {
  TenantActionDeps,
  TenantDrivers,
} from './actions/TenantActionDeps';
export { TenantRegistryClient } from './registry/TenantRegistryClient';
export type { TenantRegistryApi } from './registry/TenantRegistryClient';
export { TenantRollback } from './rollback/TenantRollback';
export { readTenantDrivers } from './provisioning/readTenantDrivers';
