export type {
  DatabaseConnection,
  DatabaseNaming,
  OwnedDatabases,
} from './OwnedDatabases';
export {
  assertValidKey,
  connect,
  databaseUrl,
  parseDatabaseUrl,
  prefixedPostgresName,
  runSqlScript,
  tenantDatabaseNaming,
} from './OwnedDatabases';
export { SqliteDatabases } from './SqliteDatabases';
export { PostgresDatabases, quoteIdentifier } from './PostgresDatabases';
export { readOwnedDatabases } from './readOwnedDatabases';
export type { LedgerResource, RecordResource } from './ownership';
export {
  assertOwnedName,
  existingInside,
  ForeignResourceError,
} from './ownership';
