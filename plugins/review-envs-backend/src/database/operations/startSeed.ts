import { ConflictError } from '@backstage/errors';
import { databaseNowSql } from '@internal/backend-plugin-utils';
import { ReviewEnvironmentSeed } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { SeedRow, toSeed } from '../seedRows';
import { SEEDS_TABLE } from '../tables';

/**
 * Records a seed as running. A running seed whose heartbeat stopped
 * `abandonedAfterMs` ago (its backend died) is marked failed first; one
 * still running refuses the new one (409), on any replica.
 */
export async function startSeed(
  db: Knex,
  seed: {
    environmentId: string;
    tenant: string;
    actor: string;
    policyRevision: string;
  },
  abandonedAfterMs: number,
): Promise<ReviewEnvironmentSeed> {
  const now = databaseNowSql(db);
  await db(SEEDS_TABLE)
    .where({ environment_id: seed.environmentId, state: 'running' })
    .andWhere('heartbeat_at_ms', '<', db.raw(`${now} - ?`, [abandonedAfterMs]))
    .update({
      state: 'failed',
      error: 'abandoned: the backend copying it stopped',
      finished_at_ms: db.raw(now),
    });
  try {
    const [row]: SeedRow[] = await db(SEEDS_TABLE)
      .insert({
        environment_id: seed.environmentId,
        tenant: seed.tenant,
        actor: seed.actor,
        policy_revision: seed.policyRevision,
        state: 'running',
        rows_copied: 0,
        started_at_ms: db.raw(now),
        heartbeat_at_ms: db.raw(now),
      })
      .returning('*');
    return toSeed(row);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        `A seed of ${seed.environmentId} is under way; wait for it to finish`,
      );
    }
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
