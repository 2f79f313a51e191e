import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import { HOUR_MS, inChunks, Measure, payloadOf } from './measurements';

/**
 * A merged change until the first successful production deployment at or
 * after its merge, counted from its first commit when known.
 */
export async function leadTimes(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  measure: Measure,
) {
  const leadTime = (merge: EventRow, deployedAt: number) => {
    const payload = payloadOf(merge);
    const from = payload.firstCommitAt
      ? Date.parse(payload.firstCommitAt)
      : merge.at;
    measure(
      `lead:${merge.id}`,
      'lead_time',
      merge,
      deployedAt,
      Math.max(0, deployedAt - from) / HOUR_MS,
      payload.number ? `#${payload.number}` : payload.title ?? null,
    );
  };
  const nextDeploy = (outer: string, comparison: string, aggregate: string) =>
    trx.raw(
      `(select ${aggregate}(d.at) from ${TABLES.events} d where d.kind = 'deployment' and d.production = ? and d.status = 'success' and d.subject = ${outer}.subject and d.at ${comparison} ${outer}.at)`,
      [true],
    );
  const merges = await inChunks<
    EventRow & { deployed_at: number | string | null }
  >(
    inserted
      .filter(row => row.kind === 'pull_request_merged')
      .map(row => row.id),
    chunk =>
      trx({ p: TABLES.events })
        .whereIn('p.id', chunk)
        .select('p.*', { deployed_at: nextDeploy('p', '>=', 'min') }),
  );
  merges
    .filter(merge => merge.deployed_at !== null)
    .forEach(merge => leadTime(merge, Number(merge.deployed_at)));

  // The changes a new deployment shipped: merged since the one before it.
  const shipped = await inChunks<EventRow & { deployed_at: number | string }>(
    productionDeploys.filter(d => d.status === 'success').map(d => d.id),
    chunk =>
      trx
        .from(
          trx({ n: TABLES.events })
            .whereIn('n.id', chunk)
            .select('n.subject', 'n.at', {
              previous_at: nextDeploy('n', '<', 'max'),
            })
            .as('d'),
        )
        .join({ m: TABLES.events }, join =>
          join
            .on('m.subject', '=', 'd.subject')
            .andOn('m.at', '<=', 'd.at')
            .andOn('m.at', '>', trx.raw('coalesce(d.previous_at, -1)')),
        )
        .whereRaw("m.kind = 'pull_request_merged'")
        .select('m.*', { deployed_at: 'd.at' }),
  );
  shipped.forEach(merge => leadTime(merge, Number(merge.deployed_at)));
}
