import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';

/*
 * GitHub objects as Release Watch events. The poller and the webhooks both
 * map through here, so the same fact gets the same natural key from either
 * and is stored once.
 */

type Deployment = {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  production_environment?: boolean;
};
type DeploymentStatus = { id: number; state: string; created_at: string };

/** A deployment's terminal status (success, failure, error); others are not a finished deployment. */
export function deploymentEvent(
  repository: string,
  deployment: Deployment,
  status: DeploymentStatus,
): ReleaseWatchEvent | undefined {
  if (!['success', 'failure', 'error'].includes(status.state)) {
    return undefined;
  }
  return {
    id: `github:${repository}:deployment-status:${status.id}`,
    kind: 'deployment',
    at: status.created_at,
    repository,
    environment: deployment.environment,
    status: status.state === 'success' ? 'success' : 'failure',
    version: deployment.ref,
    commitSha: deployment.sha,
    ...(deployment.production_environment !== undefined && {
      production: deployment.production_environment,
    }),
  };
}

type Release = {
  id: number;
  tag_name: string;
  draft?: boolean;
  created_at: string;
  target_commitish?: string;
};

/** A published release: started when it was created. */
export function releaseEvent(
  repository: string,
  release: Release,
): ReleaseWatchEvent | undefined {
  if (release.draft) {
    return undefined;
  }
  return {
    id: `github:${repository}:release:${release.id}`,
    kind: 'release',
    at: release.created_at,
    repository,
    version: release.tag_name,
  };
}

type WorkflowRun = {
  id: number;
  run_attempt?: number;
  name?: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
  run_started_at?: string;
  created_at: string;
  updated_at: string;
  head_sha: string;
};

const CONCLUSIONS = ['success', 'failure', 'cancelled', 'skipped', 'timed_out'];

/** A completed workflow run, from its start to its last update. */
export function ciRunEvent(
  repository: string,
  run: WorkflowRun,
): ReleaseWatchEvent | undefined {
  if (
    run.status !== 'completed' ||
    !CONCLUSIONS.includes(run.conclusion ?? '')
  ) {
    return undefined;
  }
  return {
    id: `github:${repository}:run:${run.id}:${run.run_attempt ?? 1}`,
    kind: 'ci_run',
    at: run.updated_at,
    startedAt: run.run_started_at ?? run.created_at,
    repository,
    workflow: run.name ?? 'workflow',
    trigger: run.event,
    conclusion: run.conclusion as 'success',
    commitSha: run.head_sha,
  };
}

type PullRequest = {
  number: number;
  title: string;
  created_at: string;
  merged_at: string | null;
  merge_commit_sha?: string | null;
};

/** A merged pull request; its creation stands in for the first commit. */
export function mergedPullRequestEvent(
  repository: string,
  pull: PullRequest,
): ReleaseWatchEvent | undefined {
  if (!pull.merged_at) {
    return undefined;
  }
  return {
    id: `github:${repository}:pull:${pull.number}`,
    kind: 'pull_request_merged',
    at: pull.merged_at,
    repository,
    number: pull.number,
    title: pull.title.slice(0, 500),
    firstCommitAt: pull.created_at,
    ...(pull.merge_commit_sha && { mergeCommitSha: pull.merge_commit_sha }),
  };
}

/** A webhook delivery (topic `github.<event>`) as events; deliveries of other kinds give none. */
export function eventsFromWebhook(
  topic: string,
  payload: any,
): ReleaseWatchEvent[] {
  const repository: string | undefined = payload?.repository?.full_name;
  if (!repository) {
    return [];
  }
  let event: ReleaseWatchEvent | undefined;
  switch (topic) {
    case 'github.deployment_status':
      event =
        payload.deployment && payload.deployment_status
          ? deploymentEvent(
              repository,
              payload.deployment,
              payload.deployment_status,
            )
          : undefined;
      break;
    case 'github.release':
      event =
        payload.action === 'published' && payload.release
          ? releaseEvent(repository, payload.release)
          : undefined;
      break;
    case 'github.workflow_run':
      event =
        payload.action === 'completed' && payload.workflow_run
          ? ciRunEvent(repository, payload.workflow_run)
          : undefined;
      break;
    case 'github.pull_request':
      event =
        payload.action === 'closed' && payload.pull_request
          ? mergedPullRequestEvent(repository, payload.pull_request)
          : undefined;
      break;
    default:
      event = undefined;
  }
  return event ? [event] : [];
}
