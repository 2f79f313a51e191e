import {
  PullRequestReport,
  ReviewEnvironment,
} from '@internal/plugin-review-envs-common';
import { ReviewEnvironments } from '../../environments/ReviewEnvironments';

/**
 * Pull request state from any git host or CI, applied as webhooks are.
 * Only external services may report it: a user could otherwise tear down
 * anyone's environment by reporting its pull request closed.
 */
export class ReportPullRequestModel {
  constructor(
    private readonly environments: Pick<
      ReviewEnvironments,
      'observePullRequest'
    >,
  ) {}

  /** The pull request's environment afterwards; undefined when none was ever wanted. */
  async report(
    report: PullRequestReport,
    reporter: string,
  ): Promise<ReviewEnvironment | undefined> {
    // The declared fields alone: a report has no `updatedAt`, and is
    // applied as it arrives.
    const { repository, number, branch, headSha, author, open, labels } =
      report;
    return this.environments.observePullRequest(
      {
        repository,
        number,
        title: report.title ?? '',
        branch,
        headSha,
        author,
        open,
        labels,
      },
      reporter,
    );
  }
}
