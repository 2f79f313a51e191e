import { Knex } from 'knex';

// Rows stored before the first refresh, and the share of the table's known
// size that must be added before the next.
const FIRST_REFRESH_ROWS = 10_000;
const GROWTH_BEFORE_REFRESH = 0.5;

/**
 * Keeps PostgreSQL's statistics of a table current while it grows fast, as
 * during an import of a year of events. The derivations' lookups are planned
 * from those statistics, which autovacuum refreshes only a minute or more
 * later: until then they describe a table a fraction of its size, and the
 * planner walks a subject's deployments by version instead of by time, six
 * times slower. So: ANALYZE after each growth by half. SQLite plans without.
 */
export class PlannerStatistics {
  private added = 0;
  private knownRows = 0;

  constructor(private readonly knex: Knex, private readonly table: string) {}

  async rowsAdded(count: number): Promise<void> {
    const client = String(this.knex.client.config.client);
    if (client !== 'pg') {
      return;
    }
    this.added += count;
    const threshold = Math.max(
      FIRST_REFRESH_ROWS,
      this.knownRows * GROWTH_BEFORE_REFRESH,
    );
    if (this.added < threshold) {
      return;
    }
    this.added = 0;
    try {
      await this.knex.raw('analyze ??', [this.table]);
      const [row] = await this.knex('pg_class')
        .where('relname', this.table)
        .select('reltuples');
      this.knownRows = Number(row?.reltuples ?? 0);
    } catch {
      // Statistics only speed up plans, and autovacuum refreshes them anyway.
    }
  }
}
