import {
  ReviewEnvironmentEvent,
  ReviewEnvironmentState,
} from '@internal/plugin-review-envs-common';
import { StoredEnvironment } from './EnvironmentStore';

/** A row of the environments table; numbers may come back as strings. */
export type EnvironmentRow = {
  id: string;
  repository: string;
  pull_request: number;
  title: string;
  branch: string;
  head_sha: string;
  author: string;
  state: ReviewEnvironmentState;
  state_reason: string | null;
  url: string | null;
  deployed_sha: string | null;
  keep: boolean | number;
  target: string;
  revision: string | number;
  created_at_ms: string | number;
  last_activity_at_ms: string | number;
  expires_at_ms: string | number;
  last_deploy_at_ms: string | number | null;
  lease_until_ms: string | number | null;
  seed_tenant?: string | null;
};

/** A row of the environment history table. */
export type EnvironmentHistoryRow = {
  state: ReviewEnvironmentState;
  actor: string;
  reason: string | null;
  at_ms: string | number;
};

const iso = (ms: string | number) => new Date(Number(ms)).toISOString();

export function toEnvironment(row: EnvironmentRow): StoredEnvironment {
  return {
    id: row.id,
    repository: row.repository,
    pullRequest: Number(row.pull_request),
    title: row.title,
    branch: row.branch,
    headSha: row.head_sha,
    author: row.author,
    state: row.state,
    stateReason: row.state_reason,
    url: row.url,
    deployedSha: row.deployed_sha,
    keep: Boolean(row.keep),
    target: row.target,
    revision: Number(row.revision),
    createdAt: iso(row.created_at_ms),
    lastActivityAt: iso(row.last_activity_at_ms),
    expiresAt: iso(row.expires_at_ms),
    lastDeployAt:
      row.last_deploy_at_ms === null ? null : iso(row.last_deploy_at_ms),
    seedTenant: row.seed_tenant ?? null,
  };
}

export function toEnvironmentEvent(
  row: EnvironmentHistoryRow,
): ReviewEnvironmentEvent {
  return {
    state: row.state,
    actor: row.actor,
    reason: row.reason,
    at: iso(row.at_ms),
  };
}
