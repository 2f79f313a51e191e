import {
  PullRequestSnapshot,
  ReviewEnvironmentState,
} from '@internal/plugin-review-envs-common';

/** A move to a state, with the reason the environment's history records. */
export type Transition = { state: ReviewEnvironmentState; reason: string };

/** Who the history names for what the portal did by itself. */
export const ACTORS = {
  worker: 'worker',
  expiry: 'expiry',
  recovery: 'recovery',
  /** A seed the pull request's `seed:<slug>` label asked for. */
  seedLabel: 'seed-label',
};

/** The pull request label that asks for a seed from a tenant: `seed:<slug>`. */
export const SEED_LABEL_PREFIX = 'seed:';

/** The tenant the first `seed:<slug>` label names, if any. */
export function seedTenantOf(labels: string[]): string | null {
  const label = labels.find(l => l.startsWith(SEED_LABEL_PREFIX));
  const slug = label?.slice(SEED_LABEL_PREFIX.length).trim().toLowerCase();
  return slug ? slug : null;
}

/** States in which an environment is still wanted and may serve. */
const LIVE_STATES: ReviewEnvironmentState[] = [
  'pending',
  'deploying',
  'ready',
  'failed',
];

/** Gone, or going: only labelling its pull request again brings it back. */
export function hasEnded(state: ReviewEnvironmentState): boolean {
  return state === 'gone' || state === 'tearing-down';
}

/** A pull request wanted for the first time. */
export function firstWanted(snapshot: PullRequestSnapshot): Transition {
  return {
    state: 'pending',
    reason: `labelled for review by ${snapshot.author}`,
  };
}

/** A wanted pull request seen again: deployed again when it has a new commit or had ended. */
export function wantedAgain(
  current: { state: ReviewEnvironmentState; headSha: string },
  snapshot: PullRequestSnapshot,
): Transition | undefined {
  if (current.headSha !== snapshot.headSha) {
    return {
      state: 'pending',
      reason: `new commit ${snapshot.headSha.slice(0, 12)}`,
    };
  }
  if (hasEnded(current.state)) {
    return {
      state: 'pending',
      reason: `labelled for review again by ${snapshot.author}`,
    };
  }
  return undefined;
}

/** Why a pull request no longer wants its environment. */
export function unwantedReason(
  snapshot: PullRequestSnapshot,
  reviewLabel: string,
): string {
  return snapshot.open
    ? `the '${reviewLabel}' label was removed`
    : 'the pull request was closed';
}

/** A live environment no longer wanted goes away; an ended one stays as it is. */
export function noLongerWanted(
  current: { state: ReviewEnvironmentState; deployedSha: string | null },
  reason: string,
): Transition | undefined {
  if (!LIVE_STATES.includes(current.state)) return undefined;
  // Never deployed and not being deployed: nothing to tear down.
  const state =
    current.state === 'pending' && current.deployedSha === null
      ? 'gone'
      : 'tearing-down';
  return { state, reason };
}

export const expired: Transition = {
  state: 'tearing-down',
  reason: 'its time-to-live ran out',
};

export function deploying(headSha: string): Transition {
  return { state: 'deploying', reason: `deploying ${headSha.slice(0, 12)}` };
}

export function extendedReason(ttlMs: number): string {
  const hours = Math.round((ttlMs / 3_600_000) * 10) / 10;
  return `extended by ${hours} h`;
}

export const redeployRequestedReason = (actor: string) =>
  `redeploy requested by ${actor}`;

export const tornDownReason = (actor: string) => `torn down by ${actor}`;

/** Its deploy died with the previous backend. */
export const restartedReason = 'its process was gone after a restart';
