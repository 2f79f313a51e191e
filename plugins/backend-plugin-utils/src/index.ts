export {
  anyService,
  callerResolver,
  externalService,
  principalId,
  restrictedCallerResolver,
  servicesNamed,
  signedInUser,
} from './callers';
export type { CallerRule } from './callers';
export { databaseNowSql } from './databaseClock';
export { migratedClient } from './migratedClient';
export { whileLeased } from './whileLeased';
export type { LeaseRenewal } from './whileLeased';
