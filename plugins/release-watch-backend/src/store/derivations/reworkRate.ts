import { Knex } from 'knex';
import { EventRow } from '../tables';
import {
  deploymentsNamedByIncidents,
  versionKey,
} from './deploymentsNamedByIncidents';
import { Measure, payloadOf } from './measurements';

/**
 * A production deployment is rework, unplanned, when it says what it fixes
 * (`fixes`: a version or an incident) or a resolved incident names its
 * version (`resolvedByVersion`): 100 or 0, so the mean of a period is its
 * deployment rework rate in %, over all its production deployments.
 */
export async function reworkRate(
  trx: Knex.Transaction,
  inserted: EventRow[],
  productionDeploys: EventRow[],
  measure: Measure,
) {
  const { deploys, named } = await deploymentsNamedByIncidents(
    trx,
    inserted,
    productionDeploys,
    'resolved',
  );
  for (const deploy of deploys) {
    const rework =
      Boolean(payloadOf(deploy).fixes) || named.has(versionKey(deploy));
    measure(
      `rework:${deploy.id}`,
      'deployment_rework_rate',
      deploy,
      Number(deploy.at),
      rework ? 100 : 0,
      deploy.version,
    );
  }
}
