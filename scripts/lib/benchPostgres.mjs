// What the benchmarks share about PostgreSQL: the server from
// BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432), backend
// database config with a run-specific prefix, and dropping that run's
// databases afterwards.
import pg from 'pg';

export function benchPostgres(prefix) {
  const url = new URL(
    process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432',
  );
  const connection = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password || ''),
  };

  async function withClient(fn, database = 'postgres') {
    const client = new pg.Client({ ...connection, database });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }

  return {
    host: url.host,
    /** `backend.database` for a portal whose plugins' databases start with the prefix. */
    database: { client: 'pg', prefix, connection },
    async reachable() {
      try {
        await withClient(client => client.query('select 1'));
        return true;
      } catch {
        return false;
      }
    },
    /** Rows of `sql` in one of the server's databases. */
    async query(database, sql, params = []) {
      return withClient(
        async client => (await client.query(sql, params)).rows,
        database,
      );
    },
    async dropDatabases() {
      await withClient(async client => {
        const { rows } = await client.query(
          'select datname from pg_database where datname like $1',
          [`${prefix}%`],
        );
        for (const { datname } of rows) {
          await client.query(
            `drop database if exists "${datname}" with (force)`,
          );
        }
      });
    },
  };
}

/** The value at rank ceil(p/100 · n) of sorted values. */
export function percentile(sorted, p) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}
