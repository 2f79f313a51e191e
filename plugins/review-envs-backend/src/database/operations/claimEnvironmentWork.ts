import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { ACTORS, deploying } from '../../environments/environmentTransitions';
import { ClaimedWork } from '../EnvironmentStore';
import { EnvironmentRow } from '../environmentRows';
import { ENVIRONMENTS_TABLE } from '../tables';
import { getEnvironment } from './getEnvironment';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/**
 * Claims up to `limit` environments that need a deploy or a teardown, deploys
 * first, each with a conditional write on its revision under a lease of
 * `leaseMs`: of replicas claiming at once, one gets each.
 */
export async function claimEnvironmentWork(
  db: Knex,
  limit: number,
  leaseMs: number,
): Promise<ClaimedWork[]> {
  const now = databaseNowSql(db);
  const candidates: EnvironmentRow[] = await db(ENVIRONMENTS_TABLE)
    .whereIn('state', ['pending', 'tearing-down', 'deploying'])
    .where(unleased =>
      unleased
        .whereNull('lease_until_ms')
        .orWhere('lease_until_ms', '<=', db.raw(now)),
    )
    // Deploys first: someone waits for them.
    .orderByRaw("case when state = 'tearing-down' then 1 else 0 end")
    .orderBy('last_activity_at_ms')
    .limit(limit);

  const claimed: ClaimedWork[] = [];
  for (const candidate of candidates) {
    const action = candidate.state === 'tearing-down' ? 'teardown' : 'deploy';
    const environment = await db.transaction(async tx => {
      const updated = await tx(ENVIRONMENTS_TABLE)
        .where({ id: candidate.id, revision: candidate.revision })
        .update({
          state: action === 'deploy' ? 'deploying' : 'tearing-down',
          revision: tx.raw('revision + 1'),
          lease_until_ms: tx.raw(`${now} + ?`, [leaseMs]),
        });
      if (updated === 0) return undefined;
      if (action === 'deploy') {
        await recordEnvironmentEvent(tx, candidate.id, {
          ...deploying(candidate.head_sha),
          actor: ACTORS.worker,
        });
      }
      return getEnvironment(tx, { id: candidate.id });
    });
    if (environment) claimed.push({ environment, action });
  }
  return claimed;
}
