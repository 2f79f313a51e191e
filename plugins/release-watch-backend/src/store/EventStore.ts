import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { Attribution, EntityDirectory } from '../attribution/EntityDirectory';
import { EventSink } from '../ingest/EventSink';
import { bulkInsert } from './bulkInsert';
import { deriveMeasurements, rememberArrival } from './derive';
import { monthStart, weekStart } from './periods';
import { EventRow, MeasurementRow, TABLES } from './tables';

// Rows per statement: well under SQLite's bound-variable limit.
const CHUNK = 400;
// Keys of measurements derived from a pair of events (see derive.ts).
const PAIRED_KEY = /^(ttp|lead|cfr|ttr):/;

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

  constructor(
    private readonly knex: Knex,
    private readonly directory: EntityDirectory,
  ) {}

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
        const measurements = await deriveMeasurements(trx, inserted);
        await this.upsertMeasurements(trx, measurements);
      }
      return inserted.length;
    });

    if (accepted > 0) {
      this.listeners.forEach(listener => listener());
    }
    return {
      accepted,
      duplicates: events.length - accepted,
      unattributed,
    };
  }

  private async upsertMeasurements(
    trx: Knex.Transaction,
    measurements: MeasurementRow[],
  ) {
    const stale = new Map<
      string,
      { metric: string; period: string; period_start: string }
    >();
    const mark = (metric: string, week: string, month: string) => {
      stale.set(`${metric}|w|${week}`, {
        metric,
        period: 'week',
        period_start: week,
      });
      stale.set(`${metric}|m|${month}`, {
        metric,
        period: 'month',
        period_start: month,
      });
    };
    const unique = [...new Map(measurements.map(m => [m.key, m])).values()];
    // Only measurements that pair two events can exist already (and move
    // periods when re-derived); the others are new with their event.
    const rederivable = unique.filter(m => PAIRED_KEY.test(m.key));
    for (let i = 0; i < rederivable.length; i += CHUNK) {
      const previous: MeasurementRow[] = await trx(TABLES.measurements)
        .whereIn(
          'key',
          rederivable.slice(i, i + CHUNK).map(m => m.key),
        )
        .select('metric', 'week_start', 'month_start');
      previous.forEach(m => mark(m.metric, m.week_start, m.month_start));
    }
    unique.forEach(m => mark(m.metric, m.week_start, m.month_start));
    await bulkInsert(trx, TABLES.measurements, unique, {
      key: 'key',
      onConflict: 'merge',
    });
    const marks = [...stale.values()];
    for (let i = 0; i < marks.length; i += CHUNK) {
      await trx(TABLES.stalePeriods)
        .insert(marks.slice(i, i + CHUNK).map(m => ({ ...m, generation: 1 })))
        .onConflict(['metric', 'period', 'period_start'])
        .merge({
          generation: trx.raw('?? + 1', [`${TABLES.stalePeriods}.generation`]),
        });
    }
  }
}

function toRow(
  event: ReleaseWatchEvent,
  attribution: Attribution | undefined,
  receivedAt: number,
): EventRow {
  const claimed = event.entityRef ?? event.repository ?? 'unknown';
  const row: EventRow = {
    id: event.id!,
    kind: event.kind,
    at: Date.parse(event.at),
    entity_ref: attribution?.entityRef ?? null,
    group_name: attribution?.group ?? null,
    subject: attribution?.entityRef ?? `unattributed:${claimed.toLowerCase()}`,
    version: null,
    environment: null,
    status: null,
    production: null,
    incident: null,
    payload: JSON.stringify(event),
    received_at: receivedAt,
  };
  switch (event.kind) {
    case 'release':
      row.version = event.version;
      break;
    case 'deployment':
      row.version = event.version ?? event.commitSha ?? null;
      row.environment = event.environment;
      row.status = event.status;
      row.production = event.production ?? /^prod/i.test(event.environment);
      break;
    case 'ci_run':
      row.status = event.conclusion;
      break;
    case 'incident':
      row.incident = event.incident;
      row.status = event.action;
      row.version = event.causedByVersion ?? null;
      break;
    default:
      break;
  }
  return row;
}

/** The period columns of a measurement taken at `at`. */
export function periodsOf(at: number) {
  return { week_start: weekStart(at), month_start: monthStart(at) };
}
