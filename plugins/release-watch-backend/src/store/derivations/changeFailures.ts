import { Knex } from 'knex';
import { EventRow, TABLES } from '../tables';
import { inChunks, Measure } from './measurements';

/**
 * A production deployment failed if its status says so or an incident was
 * opened that names its version as the cause: 100 or 0, so the mean of a
 * period is its change failure rate in %.
 */
export async function changeFailures(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  measure: Measure,
) {
  const causes = inserted.filter(
    row => row.kind === 'incident' && row.status === 'opened' && row.version,
  );
  const causedDeploys = await inChunks<EventRow>(
    causes.map(c => c.version!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'deployment'")
        .whereIn('subject', [...new Set(causes.map(c => c.subject))])
        .where('production', true)
        .whereIn('version', chunk),
  );
  const causeKeys = new Set(causes.map(c => `${c.subject}\n${c.version}`));
  const incidentsFor = await inChunks<{ subject: string; version: string }>(
    productionDeploys.filter(d => d.version).map(d => d.version!),
    chunk =>
      trx(TABLES.events)
        .whereRaw("kind = 'incident'")
        .whereIn('subject', [...new Set(productionDeploys.map(d => d.subject))])
        .where('status', 'opened')
        .whereIn('version', chunk)
        .distinct('subject', 'version'),
  );
  incidentsFor.forEach(i => causeKeys.add(`${i.subject}\n${i.version}`));

  const deploys = new Map<string, EventRow>();
  [...productionDeploys, ...causedDeploys].forEach(d => deploys.set(d.id, d));
  for (const deploy of deploys.values()) {
    const caused = causeKeys.has(`${deploy.subject}\n${deploy.version}`);
    measure(
      `cfr:${deploy.id}`,
      'change_failure_rate',
      deploy,
      Number(deploy.at),
      deploy.status === 'failure' || caused ? 100 : 0,
      deploy.version,
    );
  }
}
