import type { components } from './schema/openapi/generated';

type Schemas = components['schemas'];

/**
 * Everything Release Watch measures enters as one of these events, from
 * GitHub (polled or webhooks), the push API, or a local git repository.
 *
 * Every event has a natural key, `id`: the same fact arriving twice (webhook
 * and poll, a replayed delivery, a re-sent batch) has the same id and is
 * stored once. Sources set it (`github:acme/web:deployment-status:123`);
 * when a pushed event has none, it is derived from the event's fields.
 */
export type ReleaseWatchEvent = Schemas['ReleaseWatchEvent'];

export type ReleaseWatchEventKind = ReleaseWatchEvent['kind'];

export const RELEASE_WATCH_EVENT_KINDS: ReleaseWatchEventKind[] = [
  'release',
  'deployment',
  'ci_run',
  'pull_request_merged',
  'incident',
  'metric',
];

/** A release was started (a tag was cut): `at` is the start. */
export type ReleaseEvent = Schemas['ReleaseEvent'];
/** A deployment ended: `at` is when it finished. */
export type DeploymentEvent = Schemas['DeploymentEvent'];
/** A CI run ended: `at` is when it finished. */
export type CiRunEvent = Schemas['CiRunEvent'];
/** A pull request was merged: `at` is the merge. */
export type PullRequestMergedEvent = Schemas['PullRequestMergedEvent'];
/** An incident was opened or resolved: `at` is that moment. */
export type IncidentEvent = Schemas['IncidentEvent'];
/** A measured value, e.g. page load time. */
export type MetricSampleEvent = Schemas['MetricSampleEvent'];
