import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import {
  inChunks,
  isTrue,
  Measure,
  Owner,
  productionSuccess,
} from './measurements';
import { FirstMoment, measureSpans } from './measureSpans';

/** Release started until its version's first successful production deployment. */
export async function timesToProduction(
  trx: Knex.Transaction,
  inserted: EventRow[],
  ownerOf: Map<string, Owner>,
  measure: Measure,
) {
  const touched = inserted.filter(
    row =>
      row.version &&
      (row.kind === 'release' ||
        (row.kind === 'deployment' &&
          isTrue(row.production) &&
          row.status === 'success')),
  );
  if (touched.length === 0) {
    return;
  }
  const subjects = new Set(touched.map(row => row.subject));
  const versions = touched.map(row => row.version!);
  const firstOfEachVersion = (
    events: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
  ) =>
    inChunks<FirstMoment>(versions, chunk =>
      events(trx(TABLES.events))
        .whereIn('subject', [...subjects])
        .whereIn('version', chunk)
        .groupBy('subject', 'version')
        .select('subject', { key: 'version' })
        .min({ at: 'at' }),
    );
  measureSpans({
    prefix: 'ttp',
    metric: 'time_to_production',
    starts: await firstOfEachVersion(query =>
      query.whereRaw("kind = 'release'"),
    ),
    ends: await firstOfEachVersion(productionSuccess),
    subjects,
    ownerOf,
    measure,
  });
}
