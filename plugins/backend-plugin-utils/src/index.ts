export { callerResolver, principalId } from './callers';
export { databaseNowSql } from './databaseClock';
export { migratedClient } from './migratedClient';
