/**
 * A `describe` block that needs a real PostgreSQL server, given as
 * `BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING` (the variable
 * Backstage's TestDatabases read). The block gets the connection string.
 */
export function describeOnPostgres(
  suite: string,
  tests: (postgresUrl: string) => void,
): void {
  const postgresUrl =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ?? '';
  if (!postgresUrl) {
    // eslint-disable-next-line no-console
    console.warn(`${suite}: no PostgreSQL given: skipped`);
  }
  // The one reason to skip: no PostgreSQL was given. ./scripts/test gives
  // one whenever a server answers on 127.0.0.1:5432, as on CI's machines.
  const describeIfPostgres = postgresUrl ? describe : describe.skip;
  describeIfPostgres(suite, () => {
    tests(postgresUrl);
  });
}
