/**
 * Everything Release Watch measures enters as one of these events, from
 * GitHub (polled or webhooks), the push API, or a local git repository.
 *
 * Every event has a natural key, `id`: the same fact arriving twice (webhook
 * and poll, a replayed delivery, a re-sent batch) has the same id and is
 * stored once. Sources set it (`github:acme/web:deployment-status:123`);
 * when a pushed event has none, it is derived from the event's fields.
 */
export type ReleaseWatchEvent =
  | ReleaseEvent
  | DeploymentEvent
  | CiRunEvent
  | PullRequestMergedEvent
  | IncidentEvent
  | MetricSampleEvent;

export type ReleaseWatchEventKind = ReleaseWatchEvent['kind'];

export const RELEASE_WATCH_EVENT_KINDS: ReleaseWatchEventKind[] = [
  'release',
  'deployment',
  'ci_run',
  'pull_request_merged',
  'incident',
  'metric',
];

type EventBase = {
  /** Natural key; at most 300 characters. */
  id?: string;
  /** When it happened (ISO 8601); what "when" means is per kind. */
  at: string;
  /** The catalog entity it belongs to, e.g. `component:default/web`. */
  entityRef?: string;
  /** `owner/name`; attributes the event through the `github.com/project-slug` annotation when `entityRef` is absent. */
  repository?: string;
};

/** A release was started (a tag was cut): `at` is the start. */
export type ReleaseEvent = EventBase & {
  kind: 'release';
  version: string;
  commitSha?: string;
};

/** A deployment ended: `at` is when it finished. */
export type DeploymentEvent = EventBase & {
  kind: 'deployment';
  /** `production`, `staging`, a tenant's production environment, ... */
  environment: string;
  status: 'success' | 'failure';
  version?: string;
  commitSha?: string;
  /** Counts for time-to-production and DORA; default: environment name starts with `prod`. */
  production?: boolean;
};

/** A CI run ended: `at` is when it finished. */
export type CiRunEvent = EventBase & {
  kind: 'ci_run';
  workflow: string;
  /** `push`, `pull_request`, `schedule`, ... */
  trigger: string;
  startedAt: string;
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out';
  commitSha?: string;
};

/** A pull request was merged: `at` is the merge. */
export type PullRequestMergedEvent = EventBase & {
  kind: 'pull_request_merged';
  number?: number;
  title?: string;
  /** The first commit's time, for lead time for changes; default the PR's creation. */
  firstCommitAt?: string;
  mergeCommitSha?: string;
};

/** An incident was opened or resolved: `at` is that moment. */
export type IncidentEvent = EventBase & {
  kind: 'incident';
  /** The incident's own id; opening and resolving share it. */
  incident: string;
  action: 'opened' | 'resolved';
  /** `opened` only: the deployment that caused it, for change failure rate. */
  causedByVersion?: string;
};

/** A measured value, e.g. page load time. */
export type MetricSampleEvent = EventBase & {
  kind: 'metric';
  name: string;
  value: number;
  unit: string;
};

/** The answer to a batch of events pushed to `POST /events`. */
export type IngestResult = {
  /** Lines stored now. */
  accepted: number;
  /** Lines whose id was stored before (not stored again). */
  duplicates: number;
  /** Lines refused, with the line (1-based) and field at fault. */
  errors: Array<{ line: number; field: string; message: string }>;
};
