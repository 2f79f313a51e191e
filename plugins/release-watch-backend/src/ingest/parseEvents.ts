import {
  IngestResult,
  ReleaseWatchEvent,
} from '@internal/plugin-release-watch-common';
import { z } from 'zod';

const isoTime = z.string().refine(value => !Number.isNaN(Date.parse(value)), {
  message: 'must be an ISO 8601 date and time',
});
const name = (max: number) => z.string().trim().min(1).max(max);

const base = {
  id: name(300).optional(),
  at: isoTime,
  entityRef: z
    .string()
    .regex(/^[a-z0-9_-]+:([a-z0-9_.-]+\/)?[a-z0-9_.-]+$/i, {
      message: 'must be an entity ref like component:default/web',
    })
    .max(255)
    .optional(),
  repository: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/, {
      message: 'must be owner/name',
    })
    .max(200)
    .optional(),
};
const sha = z
  .string()
  .regex(/^[0-9a-f]{7,64}$/i, { message: 'must be a commit SHA' });

const eventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('release'),
    version: name(200),
    commitSha: sha.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('deployment'),
    environment: name(200),
    status: z.enum(['success', 'failure']),
    version: name(200).optional(),
    commitSha: sha.optional(),
    production: z.boolean().optional(),
    fixes: name(200).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('ci_run'),
    workflow: name(200),
    trigger: name(100),
    startedAt: isoTime,
    conclusion: z.enum([
      'success',
      'failure',
      'cancelled',
      'skipped',
      'timed_out',
    ]),
    commitSha: sha.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('pull_request_merged'),
    number: z.number().int().positive().optional(),
    title: z.string().max(500).optional(),
    firstCommitAt: isoTime.optional(),
    mergeCommitSha: sha.optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('incident'),
    incident: name(200),
    action: z.enum(['opened', 'resolved']),
    causedByVersion: name(200).optional(),
    resolvedByVersion: name(200).optional(),
    environment: name(200).optional(),
  }),
  z.object({
    ...base,
    kind: z.literal('metric'),
    name: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, {
      message: 'must be letters, digits, _ . - (at most 100)',
    }),
    value: z.number().finite(),
    unit: z.string().max(40),
    environment: name(200).optional(),
  }),
]);

/** Parsed events (ids set) and the errors of the lines that were refused. */
export type ParsedBatch = {
  events: ReleaseWatchEvent[];
  errors: IngestResult['errors'];
};

/** At most this many events per request; larger batches are refused whole. */
export const MAX_EVENTS_PER_BATCH = 10_000;

/**
 * Validates a batch line by line: a bad line is reported with its number and
 * the field at fault, and does not stop the good ones.
 */
export function parseEventLines(lines: BatchLine[]): ParsedBatch {
  const events: ReleaseWatchEvent[] = [];
  const errors: ParsedBatch['errors'] = [];
  lines.forEach(({ line, item }) => {
    const result = eventSchema.safeParse(item);
    if (!result.success) {
      const issue = result.error.issues[0];
      errors.push({
        line,
        field: issue.path.join('.') || 'kind',
        message:
          issue.path.length === 0 && issue.code === 'invalid_union'
            ? 'kind must be one of release, deployment, ci_run, pull_request_merged, incident, metric'
            : issue.message,
      });
      return;
    }
    const event = result.data as ReleaseWatchEvent;
    if (!event.entityRef && !event.repository) {
      errors.push({
        line,
        field: 'entityRef',
        message: 'entityRef or repository is required to attribute the event',
      });
      return;
    }
    events.push({ ...event, id: event.id ?? naturalKey(event) });
  });
  return { events, errors };
}

/** One item of a batch and its 1-based line (NDJSON) or position (JSON array). */
export type BatchLine = { line: number; item: unknown };

/**
 * Splits a request body into items: a JSON array, `{ "events": [...] }`, or
 * NDJSON text (one event per line; a line that is not JSON is an error of
 * that line).
 */
export function bodyItems(
  body: unknown,
  rawText: string | undefined,
): { lines: BatchLine[]; lineErrors: ParsedBatch['errors'] } | undefined {
  const numbered = (items: unknown[]) =>
    items.map((item, index) => ({ line: index + 1, item }));
  if (Array.isArray(body)) {
    return { lines: numbered(body), lineErrors: [] };
  }
  if (body && typeof body === 'object' && Array.isArray((body as any).events)) {
    return { lines: numbered((body as any).events), lineErrors: [] };
  }
  if (typeof rawText !== 'string') {
    return undefined;
  }
  const lines: BatchLine[] = [];
  const lineErrors: ParsedBatch['errors'] = [];
  rawText.split('\n').forEach((text, index) => {
    if (!text.trim()) {
      return;
    }
    try {
      lines.push({ line: index + 1, item: JSON.parse(text) });
    } catch {
      lineErrors.push({
        line: index + 1,
        field: '',
        message: 'line is not valid JSON',
      });
    }
  });
  return { lines, lineErrors };
}

/** The natural key of an event that came without an id: the same fact always yields the same key. */
export function naturalKey(event: ReleaseWatchEvent): string {
  const who = event.entityRef ?? event.repository;
  switch (event.kind) {
    case 'release':
      return `release:${who}:${event.version}`;
    case 'deployment':
      return `deployment:${who}:${event.environment}:${
        event.version ?? event.commitSha ?? ''
      }:${event.status}:${event.at}`;
    case 'ci_run':
      return `ci_run:${who}:${event.workflow}:${event.commitSha ?? ''}:${
        event.startedAt
      }`;
    case 'pull_request_merged':
      return `pull_request_merged:${who}:${
        event.number ?? event.mergeCommitSha ?? event.at
      }`;
    case 'incident':
      return `incident:${who}:${event.incident}:${event.action}`;
    case 'metric':
      // Samples of one entity in several environments (one per tenant) at
      // the same moment are different facts.
      return `metric:${who}:${event.name}:${event.at}${
        event.environment ? `:${event.environment}` : ''
      }`;
    default:
      throw new Error('unknown event kind');
  }
}
