import {
  ReviewEnvironmentSeed,
  ReviewEnvironmentSeedState,
} from '@internal/plugin-review-envs-common';

/** A row of the seeds table; numbers may come back as strings. */
export type SeedRow = {
  id: number | string;
  environment_id: string;
  tenant: string;
  actor: string;
  policy_revision: string;
  state: ReviewEnvironmentSeedState;
  rows: number | string | null;
  rows_copied: number | string;
  error: string | null;
  started_at_ms: number | string;
  finished_at_ms: number | string | null;
};

const iso = (ms: string | number) => new Date(Number(ms)).toISOString();

export function toSeed(row: SeedRow): ReviewEnvironmentSeed {
  return {
    id: Number(row.id),
    environmentId: row.environment_id,
    tenant: row.tenant,
    actor: row.actor,
    policyRevision: row.policy_revision,
    state: row.state,
    rows: row.rows === null ? null : Number(row.rows),
    rowsCopied: Number(row.rows_copied),
    error: row.error,
    startedAt: iso(row.started_at_ms),
    finishedAt: row.finished_at_ms === null ? null : iso(row.finished_at_ms),
  };
}
