export * from './permissions';
export * from './tenants';
export * from './tenantRequests';
export * from './validation';
export * from './fleetUpgrades';
export * from './fleetUpgradeRequest';
export * from './schema/openapi/generated';
