import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { ENVIRONMENTS_TABLE } from '../tables';
import { renewedExpiry } from './environmentColumns';

/**
 * Records what serves now, whatever else changed meanwhile. A deploy is
 * activity: the expiry moves to at least `renewTtlMs` from now.
 */
export async function recordServing(
  db: Knex,
  id: string,
  serving: { url: string | null; deployedSha: string | null },
  renewTtlMs?: number,
): Promise<void> {
  const now = db.raw(databaseNowSql(db));
  await db(ENVIRONMENTS_TABLE)
    .where({ id })
    .update({
      url: serving.url,
      deployed_sha: serving.deployedSha,
      ...(serving.deployedSha
        ? {
            last_deploy_at_ms: now,
            last_activity_at_ms: now,
            ...(renewTtlMs
              ? { expires_at_ms: renewedExpiry(db, renewTtlMs) }
              : {}),
          }
        : {}),
    });
}
