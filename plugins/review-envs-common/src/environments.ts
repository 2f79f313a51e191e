import type { components } from './schema/openapi/generated';

type Schemas = components['schemas'];

/**
 * pending: wanted, waiting for a deploy; deploying: a deploy runs;
 * ready: the health check answered 200; failed: the last deploy failed (a
 * previous healthy version, if any, keeps serving); tearing-down: going away;
 * gone: nothing runs any more.
 */
export type ReviewEnvironmentState = Schemas['ReviewEnvironmentState'];

/** One pull request's review environment. */
export type ReviewEnvironment = Schemas['ReviewEnvironment'];

/** One change of an environment's state, with who or what caused it. */
export type ReviewEnvironmentEvent = Schemas['ReviewEnvironmentEvent'];

/** The last deploy's progress and the running version's output. */
export type ReviewEnvironmentLogs = Schemas['ReviewEnvironmentLogs'];

/** A pull request's state as any git host or CI reports it. */
export type PullRequestReport = Schemas['PullRequestReport'];

/** What is known of a pull request when deciding its environment. */
export type PullRequestSnapshot = Omit<PullRequestReport, 'title'> & {
  title: string;
  /** The branch the pull request merges into; not every source reports it. */
  baseBranch?: string;
  /**
   * ISO 8601: when the pull request last changed, as its source says
   * (GitHub's `updated_at`). A snapshot older than one applied already is
   * ignored, so a late delivery cannot undo a newer one.
   */
  updatedAt?: string;
};
