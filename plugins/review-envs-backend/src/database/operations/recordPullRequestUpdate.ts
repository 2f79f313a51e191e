import { PullRequestSnapshot } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { PULL_REQUESTS_TABLE } from '../tables';

/**
 * Records the snapshot's `updatedAt` as the pull request's newest, unless
 * a newer one was recorded already (then false). The conditional write
 * also locks the row until the transaction ends, so concurrent snapshots
 * of one pull request are applied one after the other, in the order their
 * writes land, and an older one that lands second is refused.
 */
export async function recordPullRequestUpdate(
  tx: Knex.Transaction,
  snapshot: PullRequestSnapshot,
): Promise<boolean> {
  if (snapshot.updatedAt === undefined) return true;
  const updatedAtMs = Date.parse(snapshot.updatedAt);
  if (Number.isNaN(updatedAtMs)) return true;
  const key = {
    repository: snapshot.repository,
    pull_request: snapshot.number,
  };
  const inserted = await tx(PULL_REQUESTS_TABLE)
    .insert({ ...key, updated_at_ms: updatedAtMs })
    .onConflict(['repository', 'pull_request'])
    .ignore()
    .returning('repository');
  if (inserted.length > 0) return true;
  // Equal times are applied: GitHub's are in whole seconds, and two
  // changes in one second cannot be told apart by them.
  const updated = await tx(PULL_REQUESTS_TABLE)
    .where(key)
    .where('updated_at_ms', '<=', updatedAtMs)
    .update({ updated_at_ms: updatedAtMs });
  return updated > 0;
}
