export * from './permissions';
export * from './tenantRequests';
export * from './validation';
export * from './fleetUpgrades';
export * from './fleetUpgradeRequest';
export * from './tenantEnvironment';
// Request types stricter than the spec's, which leaves the registry's own
// checks to name every field at fault; they win over the spec's same names.
export type { FleetUpgradeRequest } from './fleetUpgrades';
export type {
  TenantSettingsInput,
  TenantSettingsUpdate,
} from './tenantRequests';
export type { FieldProblem } from './FieldProblem';
export * from './schema/openapi/generated';
