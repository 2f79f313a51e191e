import { Knex } from 'knex';
import { bulkInsert } from '../bulkInsert';
import { MeasurementRow, TABLES } from '../tables';

// Rows per statement: well under SQLite's bound-variable limit.
const CHUNK = 400;
// Keys of measurements derived from a pair of events (see derivations/).
const PAIRED_KEY = /^(ttp|lead|cfr|rework|ttr):/;

/**
 * Stores measurements, overwriting those of the same key, and marks stale
 * the periods whose rollups they change: theirs, and for a re-derived one the
 * periods it was in before.
 */
export async function upsertMeasurements(
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
