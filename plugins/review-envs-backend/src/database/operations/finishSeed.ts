import { databaseNowSql } from '@internal/backend-plugin-utils';
import { ReviewEnvironmentSeed } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { SeedRow, toSeed } from '../seedRows';
import { SEEDS_TABLE } from '../tables';
import { getEnvironment } from './getEnvironment';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';

/**
 * Ends a running seed with its outcome, and puts it in the environment's
 * history (in the state the environment is in) with who asked.
 */
export async function finishSeed(
  db: Knex,
  id: number,
  outcome: { rows: number } | { error: string },
): Promise<ReviewEnvironmentSeed> {
  return db.transaction(async tx => {
    const now = tx.raw(databaseNowSql(tx));
    await tx(SEEDS_TABLE)
      .where({ id, state: 'running' })
      .update(
        'rows' in outcome
          ? {
              state: 'succeeded',
              rows: outcome.rows,
              rows_copied: outcome.rows,
              finished_at_ms: now,
            }
          : { state: 'failed', error: outcome.error, finished_at_ms: now },
      );
    const row: SeedRow = await tx(SEEDS_TABLE).where({ id }).first();
    const seed = toSeed(row);
    const environment = await getEnvironment(tx, { id: seed.environmentId });
    if (environment) {
      await recordEnvironmentEvent(tx, seed.environmentId, {
        state: environment.state,
        actor: seed.actor,
        reason:
          seed.state === 'succeeded'
            ? `seeded from tenant ${seed.tenant}: ${seed.rows} rows, masking policy ${seed.policyRevision}`
            : `seed from tenant ${seed.tenant} failed, its previous data kept: ${seed.error}`,
      });
    }
    return seed;
  });
}
