import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { EntityDirectory } from '../attribution/EntityDirectory';
import { EventSink } from '../ingest/EventSink';
import { bulkInsert } from './bulkInsert';
import { deriveMeasurements } from './derivations/deriveMeasurements';
import { PlannerStatistics } from './PlannerStatistics';
import { rememberArrival } from './derivations/measurements';
import { toRow } from './eventRows';
import { upsertMeasurements } from './operations/upsertMeasurements';
import { EventRow, TABLES } from './tables';

export type IngestCounts = {
  accepted: number;
  duplicates: number;
  unattributed: number;
};

/**
 * The one write path of every source: stores events once per natural key,
 * derives their measurements, and marks the periods whose rollups changed.
 */
export class EventStore implements EventSink {
  private readonly listeners: Array<() => void> = [];
  private readonly statistics: PlannerStatistics;

  constructor(
    private readonly knex: Knex,
    private readonly directory: EntityDirectory,
  ) {
    this.statistics = new PlannerStatistics(knex, TABLES.events);
  }

  /** Called after each batch that changed something (the rollup refresher listens). */
  onChange(listener: () => void) {
    this.listeners.push(listener);
  }

  async ingest(events: ReleaseWatchEvent[]): Promise<IngestCounts> {
    const receivedAt = Date.now();
    const rows: EventRow[] = [];
    let unattributed = 0;
    const seen = new Set<string>();
    for (const event of events) {
      if (seen.has(event.id!)) {
        continue;
      }
      seen.add(event.id!);
      const attribution = await this.directory.attribute(event);
      if (!attribution) {
        unattributed += 1;
      }
      const row = toRow(event, attribution, receivedAt);
      rememberArrival(row, event);
      rows.push(row);
    }

    const accepted = await this.knex.transaction(async trx => {
      const fresh = await bulkInsert(trx, TABLES.events, rows, {
        key: 'id',
        onConflict: 'ignore',
      });
      const inserted = rows.filter(row => fresh.has(row.id));
      if (inserted.length > 0) {
        await upsertMeasurements(trx, await deriveMeasurements(trx, inserted));
      }
      return inserted.length;
    });

    if (accepted > 0) {
      await this.statistics.rowsAdded(accepted);
      this.listeners.forEach(listener => listener());
    }
    return {
      accepted,
      duplicates: events.length - accepted,
      unattributed,
    };
  }
}
