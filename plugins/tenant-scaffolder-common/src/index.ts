export * from './permissions';
export * from './tenants';
export * from './validation';
export * from './fleetUpgrades';
