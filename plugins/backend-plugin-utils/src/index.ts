export {
  callerResolver,
  externalServiceCallerResolver,
  principalId,
  serviceCallerResolver,
  userCallerResolver,
} from './callers';
export { databaseNowSql } from './databaseClock';
export { migratedClient } from './migratedClient';
