import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import { inChunks, Measure, Owner } from './measurements';
import { FirstMoment, measureSpans } from './measureSpans';

/** An incident opened until resolved. */
export async function timesToRestore(
  trx: Knex.Transaction,
  inserted: EventRow[],
  ownerOf: Map<string, Owner>,
  measure: Measure,
) {
  const incidents = inserted.filter(row => row.kind === 'incident');
  if (incidents.length === 0) {
    return;
  }
  const subjects = new Set(incidents.map(row => row.subject));
  const moments = await inChunks<FirstMoment & { status: string }>(
    incidents.map(row => row.incident!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'incident'")
        .whereIn('subject', [...subjects])
        .whereIn('incident', chunk)
        .groupBy('subject', 'incident', 'status')
        .select('subject', { key: 'incident' }, 'status')
        .min({ at: 'at' }),
  );
  measureSpans({
    prefix: 'ttr',
    metric: 'time_to_restore',
    starts: moments.filter(m => m.status === 'opened'),
    ends: moments.filter(m => m.status === 'resolved'),
    subjects,
    ownerOf,
    measure,
  });
}
