import type { PullRequestSnapshot } from '../environments';
import type {
  ReviewEnvironment,
  SharedEnvironmentLock,
} from '../schema/openapi/generated';

/**
 * A ready environment of acme/web's pull request #42 by ada, deployed at its
 * head commit on the local target, at fixed times; override what a test needs.
 */
export function reviewEnvironment(
  overrides: Partial<ReviewEnvironment> = {},
): ReviewEnvironment {
  return {
    id: 'acme-web-pr-42',
    repository: 'acme/web',
    pullRequest: 42,
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
    createdAt: '2026-11-22T10:00:00.000Z',
    lastActivityAt: '2026-11-22T10:00:00.000Z',
    expiresAt: '2026-11-24T10:00:00.000Z',
    lastDeployAt: '2026-11-22T10:01:00.000Z',
    ...overrides,
  };
}

/**
 * acme/web's open pull request #42 by ada, labelled `review`: what a CI
 * pipeline reports to `POST /pull-requests`; override what a test needs.
 */
export function pullRequestSnapshot(
  overrides: Partial<PullRequestSnapshot> = {},
): PullRequestSnapshot {
  return {
    repository: 'acme/web',
    number: 42,
    title: 'Invoice export',
    branch: 'feature/export',
    headSha: 'a'.repeat(40),
    author: 'ada',
    open: true,
    labels: ['review'],
    ...overrides,
  };
}

/** The staging lock, free, at fencing token 3; override what a test needs. */
export function sharedEnvironmentLock(
  overrides: Partial<SharedEnvironmentLock> = {},
): SharedEnvironmentLock {
  return {
    name: 'staging',
    title: 'Staging',
    holder: null,
    reason: null,
    fencingToken: 3,
    since: null,
    expiresAt: null,
    queue: [],
    ...overrides,
  };
}
