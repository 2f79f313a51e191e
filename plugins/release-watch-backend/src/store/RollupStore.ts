import { LoggerService } from '@backstage/backend-plugin-api';
import { Period, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { computeRollups } from './operations/computeRollups';
import { countStalePeriods } from './operations/countStalePeriods';
import { listStalePeriods } from './operations/listStalePeriods';
import { readRollups } from './operations/readRollups';
import { replaceRollups } from './operations/replaceRollups';
import { RollupRow } from './tables';

const STALE_PER_RUN = 500;

/**
 * Per metric, period and scope (organisation, group, entity): count, sum and
 * exact nearest-rank median and p90, kept up to date from the measurements so
 * that reading a year of weeks is a primary-key range scan, not a
 * percentile over every event.
 */
export class RollupStore {
  private running?: Promise<number>;
  private again = false;

  constructor(
    private readonly knex: Knex,
    private readonly logger?: LoggerService,
  ) {}

  /** Recomputes every stale period; concurrent callers share one run. Returns periods refreshed. */
  refreshStale(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.refreshLoop().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Waits for any refresh under way, then refreshes what is still stale. */
  async settle(): Promise<void> {
    await this.running;
    await this.refreshStale();
  }

  staleCount(): Promise<number> {
    return countStalePeriods(this.knex);
  }

  read(options: {
    metric: string;
    period: Period;
    scope: Scope;
    from: string;
    to: string;
  }): Promise<RollupRow[]> {
    return readRollups(this.knex, options);
  }

  private async refreshLoop(): Promise<number> {
    let refreshed = 0;
    do {
      this.again = false;
      const stale = await listStalePeriods(this.knex, STALE_PER_RUN);
      for (const period of stale) {
        try {
          await replaceRollups(
            this.knex,
            period,
            await computeRollups(this.knex, period),
          );
          refreshed += 1;
        } catch (error) {
          // Another replica refreshing the same period at once: it stays
          // stale and the next run takes it again.
          this.logger?.warn(
            `Rollup of ${period.metric} ${period.period} ${period.period_start} failed, will retry: ${error}`,
          );
        }
      }
      if (stale.length === STALE_PER_RUN) {
        this.again = true;
      }
    } while (this.again);
    return refreshed;
  }
}
