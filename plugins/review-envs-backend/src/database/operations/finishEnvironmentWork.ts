import { ReviewEnvironmentState } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { ACTORS } from '../../environments/environmentTransitions';
import { ClaimedWork } from '../EnvironmentStore';
import { ENVIRONMENTS_TABLE } from '../tables';
import { stateColumns } from './environmentColumns';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/**
 * Ends a claim with the outcome; when the environment changed since the
 * claim, only its lease is let go, so that its new state is worked on next.
 */
export async function finishEnvironmentWork(
  db: Knex,
  work: ClaimedWork,
  outcome: { state: ReviewEnvironmentState; reason: string | null },
): Promise<boolean> {
  const { id, revision } = work.environment;
  return db.transaction(async tx => {
    const updated = await tx(ENVIRONMENTS_TABLE)
      .where({ id, revision })
      .update({
        ...stateColumns(tx, outcome.state, outcome.reason),
        lease_until_ms: null,
      });
    if (updated === 0) {
      await tx(ENVIRONMENTS_TABLE)
        .where({ id })
        .update({ lease_until_ms: null });
      return false;
    }
    await recordEnvironmentEvent(tx, id, { ...outcome, actor: ACTORS.worker });
    return true;
  });
}
