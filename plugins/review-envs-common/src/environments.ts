/**
 * pending: wanted, waiting for a deploy; deploying: a deploy runs;
 * ready: the health check answered 200; failed: the last deploy failed (a
 * previous healthy version, if any, keeps serving); tearing-down: going away;
 * gone: nothing runs any more.
 */
export type ReviewEnvironmentState =
  | 'pending'
  | 'deploying'
  | 'ready'
  | 'failed'
  | 'tearing-down'
  | 'gone';

/** One pull request's review environment. */
export type ReviewEnvironment = {
  /** e.g. `acme-workspace-web-pr-42` */
  id: string;
  /** `owner/name` */
  repository: string;
  pullRequest: number;
  /**
   * The pull request's page on its git host (the GitHub integration's
   * host); null when the portal knows none. The backend always sets it.
   */
  pullRequestUrl?: string | null;
  title: string;
  branch: string;
  /** The PR's head commit as last seen. */
  headSha: string;
  /** GitHub login of the PR's author. */
  author: string;
  state: ReviewEnvironmentState;
  /** Why the environment is in its state (failure reason, teardown cause). */
  stateReason: string | null;
  /** Where the serving version answers; null when nothing serves. */
  url: string | null;
  /** The commit that serves. */
  deployedSha: string | null;
  /** Pinned by the keep label: never expires. */
  keep: boolean;
  /** Deploy target type: `local`, `ecs`. */
  target: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  lastActivityAt: string;
  expiresAt: string;
  lastDeployAt: string | null;
};

/** One change of an environment's state, with who or what caused it. */
export type ReviewEnvironmentEvent = {
  state: ReviewEnvironmentState;
  /** `user:default/ada`, `github:webhook`, `reconciler`, `expiry`, ... */
  actor: string;
  reason: string | null;
  /** ISO 8601 */
  at: string;
};

/** What is known of a pull request when deciding its environment. */
export type PullRequestSnapshot = {
  repository: string;
  number: number;
  title: string;
  branch: string;
  /** The branch the pull request merges into; not every source reports it. */
  baseBranch?: string;
  headSha: string;
  author: string;
  open: boolean;
  labels: string[];
  /**
   * ISO 8601: when the pull request last changed, as its source says
   * (GitHub's `updated_at`). A snapshot older than one applied already is
   * ignored, so a late delivery cannot undo a newer one.
   */
  updatedAt?: string;
};
