import { EventsService } from '@backstage/plugin-events-node';
import { pullRequestFromWebhook } from '../environments/pullRequestFromWebhook';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';
import { GithubLockStatusReporter } from '../locks/GithubLockStatusReporter';

/** Pull request actions after which its lock statuses may differ. */
const LOCK_STATUS_ACTIONS = new Set([
  'opened',
  'reopened',
  'synchronize',
  'edited',
]);

/**
 * GitHub's pull request webhooks, signature-checked by the events backend's
 * GitHub module (events.modules.github.webhookSecret), applied to their
 * environments and, where the lock statuses may differ, to those.
 */
export async function subscribeToPullRequestWebhooks(options: {
  events: EventsService;
  environments: ReviewEnvironments;
  lockStatuses?: GithubLockStatusReporter;
}): Promise<void> {
  const { environments, lockStatuses } = options;
  await options.events.subscribe({
    id: 'review-envs',
    topics: ['github.pull_request'],
    async onEvent({ eventPayload }) {
      const snapshot = pullRequestFromWebhook(eventPayload);
      if (!snapshot) return;
      await environments.observePullRequest(snapshot, 'github:webhook');
      const { action } = eventPayload as { action?: string };
      if (action && LOCK_STATUS_ACTIONS.has(action)) {
        await lockStatuses?.reportPullRequest(snapshot);
      }
    },
  });
}
