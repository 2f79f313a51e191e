import { databaseNowSql } from '@internal/backend-plugin-utils';
import {
  PullRequestSnapshot,
  ReviewEnvironmentState,
} from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { seedTenantOf } from '../../environments/environmentTransitions';

/** What an environment keeps of its pull request. */
export function pullRequestColumns(
  snapshot: PullRequestSnapshot,
  keep: boolean,
) {
  return {
    title: snapshot.title,
    branch: snapshot.branch,
    head_sha: snapshot.headSha,
    author: snapshot.author,
    keep,
    seed_tenant: seedTenantOf(snapshot.labels),
  };
}

/** Activity now: the expiry moves to `ttlMs` from now. */
export function activityColumns(db: Knex | Knex.Transaction, ttlMs: number) {
  const now = databaseNowSql(db);
  return {
    last_activity_at_ms: db.raw(now),
    expires_at_ms: db.raw(`${now} + ?`, [ttlMs]),
  };
}

/** Now plus `ttlMs`, unless the expiry is later already (an extension). */
export function renewedExpiry(db: Knex | Knex.Transaction, ttlMs: number) {
  const now = databaseNowSql(db);
  return db.raw(
    `CASE WHEN expires_at_ms > ${now} + ? THEN expires_at_ms ELSE ${now} + ? END`,
    [ttlMs, ttlMs],
  );
}

/** A new state and its reason, as a new revision: claims made on the old one fail. */
export function stateColumns(
  tx: Knex.Transaction,
  state: ReviewEnvironmentState,
  reason: string | null,
) {
  return { state, state_reason: reason, revision: tx.raw('revision + 1') };
}
