import { PullRequestSnapshot } from '@internal/plugin-review-envs-common';

type PullRequestWebhook = {
  repository?: { full_name?: string };
  pull_request?: {
    number?: number;
    title?: string;
    state?: string;
    updated_at?: string;
    head?: { ref?: string; sha?: string };
    base?: { ref?: string };
    user?: { login?: string };
    labels?: Array<{ name?: string }>;
  };
};

/**
 * The pull request's state as a GitHub `pull_request` webhook carries it
 * (every action, from opened to labeled to synchronize, has the whole PR);
 * undefined when the payload is not one.
 */
export function pullRequestFromWebhook(
  payload: unknown,
): PullRequestSnapshot | undefined {
  const { repository, pull_request: pr } = (payload ??
    {}) as PullRequestWebhook;
  if (
    !repository?.full_name ||
    !pr?.number ||
    !pr.head?.ref ||
    !pr.head.sha ||
    !pr.user?.login
  ) {
    return undefined;
  }
  return {
    repository: repository.full_name,
    number: pr.number,
    title: pr.title ?? '',
    branch: pr.head.ref,
    ...(pr.base?.ref ? { baseBranch: pr.base.ref } : {}),
    headSha: pr.head.sha,
    author: pr.user.login,
    open: pr.state === 'open',
    labels: (pr.labels ?? []).flatMap(label =>
      label.name ? [label.name] : [],
    ),
    ...(pr.updated_at && !Number.isNaN(Date.parse(pr.updated_at))
      ? { updatedAt: pr.updated_at }
      : {}),
  };
}
