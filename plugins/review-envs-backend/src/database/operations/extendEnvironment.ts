import { Knex } from 'knex';
import { extendedReason } from '../../environments/environmentTransitions';
import { StoredEnvironment } from '../EnvironmentStore';
import { ENVIRONMENTS_TABLE } from '../tables';
import { activityColumns } from './environmentColumns';
import { getEnvironment } from './getEnvironment';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/** Pushes the expiry to `ttlMs` from now, as activity, in the state it is in. */
export async function extendEnvironment(
  db: Knex,
  id: string,
  ttlMs: number,
  actor: string,
): Promise<StoredEnvironment | undefined> {
  return db.transaction(async tx => {
    const current = await getEnvironment(tx, { id });
    if (!current) return undefined;
    await tx(ENVIRONMENTS_TABLE)
      .where({ id })
      .update({
        ...activityColumns(tx, ttlMs),
        revision: tx.raw('revision + 1'),
      });
    await recordEnvironmentEvent(tx, id, {
      state: current.state,
      actor,
      reason: extendedReason(ttlMs),
    });
    return getEnvironment(tx, { id });
  });
}
