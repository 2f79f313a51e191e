import { Knex } from 'knex';
import { EventRow } from '../tables';
import {
  deploymentsNamedByIncidents,
  versionKey,
} from './deploymentsNamedByIncidents';
import { Measure } from './measurements';

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
  const { deploys, named } = await deploymentsNamedByIncidents(
    trx,
    inserted,
    productionDeploys,
    'opened',
  );
  for (const deploy of deploys) {
    const caused = named.has(versionKey(deploy));
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
