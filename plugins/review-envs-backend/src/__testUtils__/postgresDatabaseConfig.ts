/**
 * The `reviewEnvs.database` block for environment databases on the
 * PostgreSQL server a test was given as a URL.
 */
export function postgresDatabaseConfig(postgresUrl: string) {
  const url = new URL(postgresUrl);
  return {
    type: 'postgres',
    connection: {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username || 'postgres'),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    },
  };
}
