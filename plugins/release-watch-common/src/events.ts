import type { ReleaseWatchEvent } from './schema/openapi/generated';

export type ReleaseWatchEventKind = ReleaseWatchEvent['kind'];

export const RELEASE_WATCH_EVENT_KINDS: ReleaseWatchEventKind[] = [
  'release',
  'deployment',
  'ci_run',
  'pull_request_merged',
  'incident',
  'metric',
];
