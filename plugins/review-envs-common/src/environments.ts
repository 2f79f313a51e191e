import type { PullRequestReport } from './schema/openapi/generated';

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
