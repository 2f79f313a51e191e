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
export { callerGate, callerOf, createApiRouter } from './openapi';
export type { Caller, CallerKind, GatedSpec } from './openapi';
export { databaseNowSql } from './databaseClock';
export { freePort } from './freePort';
export { createGithubClientFactory, createOctokit } from './github';
export type { CreateOctokitOptions, GithubClient } from './github';
export { migratedClient } from './migratedClient';
export { whileLeased } from './whileLeased';
export type { LeaseRenewal } from './whileLeased';
export {
  describeOnMoto,
  motoServerAvailable,
  useMotoServer,
} from './testing/useMotoServer';
export { itRunsMigrationsUpAndDown } from './testing/itRunsMigrationsUpAndDown';
export { describeOnPostgres } from './testing/describeOnPostgres';
export { findMotoServer, startMotoServer } from './testing/motoServer';
export type { MotoServer } from './testing/motoServer';
