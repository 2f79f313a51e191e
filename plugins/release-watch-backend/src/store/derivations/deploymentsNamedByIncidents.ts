import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import { inChunks } from './measurements';

/** `subject\nversion`: how an incident names a deployment. */
export const versionKey = (row: Pick<EventRow, 'subject' | 'version'>) =>
  `${row.subject}\n${row.version}`;

/**
 * The production deployments that incidents with `action` name by version
 * (`causedByVersion` when opened, `resolvedByVersion` when resolved),
 * whichever of the two arrives first: the new deployments and the stored
 * ones the new incidents name, and the keys of every named one.
 */
export async function deploymentsNamedByIncidents(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  action: 'opened' | 'resolved',
): Promise<{ deploys: EventRow[]; named: Set<string> }> {
  const incidents = inserted.filter(
    row => row.kind === 'incident' && row.status === action && row.version,
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
        .whereIn('subject', [...new Set(productionDeploys.map(d => d.subject))])
        .where('status', action)
        .whereIn('version', chunk)
        .distinct('subject', 'version'),
  );
  storedIncidents.forEach(incident => named.add(versionKey(incident)));

  const deploys = new Map<string, EventRow>();
  [...productionDeploys, ...namedDeploys].forEach(d => deploys.set(d.id, d));
  return { deploys: [...deploys.values()], named };
}
