import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { StoredEnvironment } from '../EnvironmentStore';
import { ENVIRONMENTS_TABLE } from '../tables';
import { renewedExpiry, stateColumns } from './environmentColumns';
import { getEnvironment } from './getEnvironment';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/** Moves an environment to a new state by hand (redeploy, teardown, recovery). */
export async function requestEnvironmentState(
  db: Knex,
  id: string,
  state: 'pending' | 'tearing-down',
  actor: string,
  reason: string,
  options: { renewTtlMs?: number; releaseLease?: boolean } = {},
): Promise<StoredEnvironment | undefined> {
  const { renewTtlMs, releaseLease } = options;
  return db.transaction(async tx => {
    const updated = await tx(ENVIRONMENTS_TABLE)
      .where({ id })
      .update({
        ...stateColumns(tx, state, reason),
        ...(state === 'pending' && {
          last_activity_at_ms: tx.raw(databaseNowSql(tx)),
        }),
        ...(renewTtlMs ? { expires_at_ms: renewedExpiry(tx, renewTtlMs) } : {}),
        ...(releaseLease && { lease_until_ms: null }),
      });
    if (updated === 0) return undefined;
    await recordEnvironmentEvent(tx, id, { state, actor, reason });
    return getEnvironment(tx, { id });
  });
}
