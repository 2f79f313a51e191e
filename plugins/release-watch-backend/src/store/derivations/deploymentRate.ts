import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import { inChunks, Measure } from './measurements';

/** `subject\nversion`: how an incident names a deployment. */
const versionKey = (row: Pick<EventRow, 'subject' | 'version'>) =>
  `${row.subject}\n${row.version}`;

/**
 * A share of production deployments, measured per deployment as 100 or 0
 * so that the mean of a period is its rate in %. Whether a deployment counts
 * may depend on incidents with `namedBy` naming its version
 * (`causedByVersion` when opened, `resolvedByVersion` when resolved),
 * whichever of the two arrives first.
 */
export function deploymentRate(rate: {
  metric: string;
  /** The measurement key is `<prefix>:<deployment id>`. */
  prefix: string;
  namedBy: 'opened' | 'resolved';
  counts: (deploy: EventRow, namedByIncident: boolean) => boolean;
}) {
  return async (
    trx: Knex.Transaction,
    inserted: EventRow[],
    productionDeploys: EventRow[],
    measure: Measure,
  ) => {
    const incidents = inserted.filter(
      row =>
        row.kind === 'incident' && row.status === rate.namedBy && row.version,
    );
    const namedDeploys = await inChunks<EventRow>(
      incidents.map(incident => incident.version!),
      chunk =>
        trx(TABLES.events)
          .whereRaw("kind = 'deployment'")
          .whereIn('subject', [...new Set(incidents.map(i => i.subject))])
          .where('production', true)
          .whereIn('version', chunk),
    );
    const named = new Set(incidents.map(versionKey));
    const storedIncidents = await inChunks<EventRow>(
      productionDeploys.filter(d => d.version).map(d => d.version!),
      chunk =>
        trx(TABLES.events)
          .whereRaw("kind = 'incident'")
          .whereIn('subject', [
            ...new Set(productionDeploys.map(d => d.subject)),
          ])
          .where('status', rate.namedBy)
          .whereIn('version', chunk)
          .distinct('subject', 'version'),
    );
    storedIncidents.forEach(incident => named.add(versionKey(incident)));

    const deploys = new Map<string, EventRow>();
    [...productionDeploys, ...namedDeploys].forEach(d => deploys.set(d.id, d));
    for (const deploy of deploys.values()) {
      measure(
        `${rate.prefix}:${deploy.id}`,
        rate.metric,
        deploy,
        Number(deploy.at),
        rate.counts(deploy, named.has(versionKey(deploy))) ? 100 : 0,
        deploy.version,
        null,
        deploy.environment,
      );
    }
  };
}
