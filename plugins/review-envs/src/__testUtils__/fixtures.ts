import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import { reviewEnvironment as sharedReviewEnvironment } from '@internal/plugin-review-envs-common/testUtils';

/** A ready environment of acme/web's pull request #42 by ada; override what a test needs. */
export function reviewEnvironment(
  overrides: Partial<ReviewEnvironment> = {},
): ReviewEnvironment {
  // Times relative to now, as the components show them ("3 hours ago").
  return sharedReviewEnvironment({
    pullRequestUrl: 'https://ghe.example.com/acme/web/pull/42',
    createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    lastActivityAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 45 * 3_600_000).toISOString(),
    lastDeployAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    ...overrides,
  });
}
