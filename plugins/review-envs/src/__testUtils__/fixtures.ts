import { ReviewEnvironment } from '@internal/plugin-review-envs-common';

/** A ready environment of acme/web's pull request #42 by ada; override what a test needs. */
export function reviewEnvironment(
  overrides: Partial<ReviewEnvironment> = {},
): ReviewEnvironment {
  return {
    id: 'acme-web-pr-42',
    repository: 'acme/web',
    pullRequest: 42,
    pullRequestUrl: 'https://ghe.example.com/acme/web/pull/42',
    title: 'Invoice export',
    branch: 'feature/export',
    headSha: 'a'.repeat(40),
    author: 'ada',
    state: 'ready',
    stateReason: null,
    url: 'http://127.0.0.1:41234',
    deployedSha: 'a'.repeat(40),
    keep: false,
    target: 'local',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    lastActivityAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 45 * 3_600_000).toISOString(),
    lastDeployAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    ...overrides,
  };
}
