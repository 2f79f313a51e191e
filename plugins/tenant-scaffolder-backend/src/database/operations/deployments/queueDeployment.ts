import { Knex } from 'knex';
import { DEPLOYMENT_OUTBOX } from '../../deploymentOutboxRows';

/** Adds an event to the outbox; one queued already (same id) is kept as it is. */
export async function queueDeployment(
  db: Knex,
  entry: { eventId: string; slug: string; event: object; queuedAtMs: number },
): Promise<void> {
  await db(DEPLOYMENT_OUTBOX)
    .insert({
      event_id: entry.eventId,
      slug: entry.slug,
      event: JSON.stringify(entry.event),
      queued_at_ms: entry.queuedAtMs,
    })
    .onConflict('event_id')
    .ignore();
}
