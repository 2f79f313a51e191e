import { InputError } from '@backstage/errors';
import {
  IngestResult,
  ReleaseWatchEvent,
} from '@internal/plugin-release-watch-common';
import {
  bodyItems,
  MAX_EVENTS_PER_BATCH,
  parseEventLines,
} from '../../ingest/parseEvents';
import { IngestCounts } from '../../store/EventStore';
import { EventsPartlyRefusedError } from '../EventsPartlyRefusedError';

export interface IngestEventsModel {
  /** Stores the good lines of a batch; throws when any line was refused. */
  ingestEvents(body: unknown): Promise<IngestResult>;
}

export class IngestEventsModelImpl implements IngestEventsModel {
  constructor(
    private readonly events: {
      ingest(events: ReleaseWatchEvent[]): Promise<IngestCounts>;
    },
  ) {}

  async ingestEvents(body: unknown): Promise<IngestResult> {
    const batch = bodyItems(body, typeof body === 'string' ? body : undefined);
    if (!batch) {
      throw new InputError(
        'Send a JSON array of events, {"events": [...]}, or NDJSON (Content-Type: application/x-ndjson)',
      );
    }
    if (batch.lines.length > MAX_EVENTS_PER_BATCH) {
      throw new InputError(
        `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${batch.lines.length}`,
      );
    }
    const parsed = parseEventLines(batch.lines);
    const errors = [...batch.lineErrors, ...parsed.errors].sort(
      (a, b) => a.line - b.line,
    );
    const stored = await this.events.ingest(parsed.events);
    const result = { ...stored, errors };
    if (errors.length > 0) {
      throw new EventsPartlyRefusedError(result, parsed.events.length);
    }
    return result;
  }
}
