import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import { Octokit } from '@octokit/rest';
import { DeploymentReporter, DeploymentStatus } from './DeploymentReporter';

/**
 * Shows each review environment on its pull request as a GitHub deployment
 * to the environment `review/pr-<n>`: a deployment of the head commit with a
 * `success` status carrying the URL (GitHub marks the previous ones
 * inactive), `failure` with the reason, and `inactive` when torn down.
 */
export class GithubDeploymentReporter implements DeploymentReporter {
  private readonly repositories: Set<string>;

  constructor(
    private readonly options: {
      repositories: string[];
      octokitFor: (repository: string) => Promise<Octokit>;
    },
  ) {
    this.repositories = new Set(options.repositories);
  }

  async report(
    environment: ReviewEnvironment,
    status: DeploymentStatus,
  ): Promise<void> {
    if (!this.repositories.has(environment.repository)) return;
    const [owner, repo] = environment.repository.split('/');
    const octokit = await this.options.octokitFor(environment.repository);
    const githubEnvironment = `review/pr-${environment.pullRequest}`;

    let deploymentId: number | undefined;
    if (status.state === 'inactive') {
      const { data } = await octokit.repos.listDeployments({
        owner,
        repo,
        environment: githubEnvironment,
        per_page: 1,
      });
      deploymentId = data[0]?.id;
      if (deploymentId === undefined) return;
    } else {
      const { data } = await octokit.repos.createDeployment({
        owner,
        repo,
        ref: environment.headSha,
        environment: githubEnvironment,
        description: `Review environment ${environment.id}`,
        auto_merge: false,
        required_contexts: [],
        transient_environment: true,
        production_environment: false,
      });
      deploymentId = (data as { id: number }).id;
    }

    await octokit.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deploymentId,
      state: status.state,
      ...(status.state === 'success'
        ? { environment_url: status.url, description: 'Ready' }
        : { description: status.description.slice(0, 140) }),
    });
  }
}
