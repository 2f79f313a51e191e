import { ReleaseWatchEvent } from '@internal/plugin-release-watch-common';
import { Attribution } from '../attribution/EntityDirectory';
import { EventRow } from './tables';

/** The row of an event: its payload, and the columns derivations and reports query. */
export function toRow(
  event: ReleaseWatchEvent,
  attribution: Attribution | undefined,
  receivedAt: number,
): EventRow {
  const claimed = event.entityRef ?? event.repository ?? 'unknown';
  const row: EventRow = {
    id: event.id!,
    kind: event.kind,
    at: Date.parse(event.at),
    entity_ref: attribution?.entityRef ?? null,
    group_name: attribution?.group ?? null,
    subject: attribution?.entityRef ?? `unattributed:${claimed.toLowerCase()}`,
    version: null,
    environment: null,
    status: null,
    production: null,
    incident: null,
    payload: JSON.stringify(event),
    received_at: receivedAt,
  };
  switch (event.kind) {
    case 'release':
      row.version = event.version;
      break;
    case 'deployment':
      row.version = event.version ?? event.commitSha ?? null;
      row.environment = event.environment;
      row.status = event.status;
      row.production = event.production ?? /^prod/i.test(event.environment);
      break;
    case 'ci_run':
      row.status = event.conclusion;
      break;
    case 'incident':
      row.incident = event.incident;
      row.environment = event.environment ?? null;
      row.status = event.action;
      row.version =
        (event.action === 'resolved'
          ? event.resolvedByVersion
          : event.causedByVersion) ?? null;
      break;
    case 'metric':
      row.environment = event.environment ?? null;
      break;
    default:
      break;
  }
  return row;
}
