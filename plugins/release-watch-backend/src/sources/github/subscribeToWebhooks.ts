import { EventsService } from '@backstage/plugin-events-node';
import { EventSink } from '../../ingest/EventSink';
import { eventsFromWebhook } from './githubEvents';

const WEBHOOK_TOPICS = [
  'github.deployment_status',
  'github.release',
  'github.workflow_run',
  'github.pull_request',
];

/**
 * Webhooks arrive through the events system; the GitHub events module has
 * checked their signatures before they get here.
 */
export async function subscribeToWebhooks(
  githubEvents: EventsService,
  sink: EventSink,
) {
  await githubEvents.subscribe({
    id: 'release-watch',
    topics: WEBHOOK_TOPICS,
    async onEvent({ topic, eventPayload }) {
      const received = eventsFromWebhook(topic, eventPayload);
      if (received.length > 0) {
        await sink.ingest(received);
      }
    },
  });
}
