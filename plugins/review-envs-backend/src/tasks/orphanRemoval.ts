import { SchedulerService } from '@backstage/backend-plugin-api';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';

/**
 * Every 30 minutes, one replica removes what the deploy target runs for no
 * live environment (a teardown lost with a crash, resources of a deleted
 * database).
 */
export async function scheduleOrphanRemoval(
  scheduler: SchedulerService,
  environments: ReviewEnvironments,
): Promise<void> {
  await scheduler.scheduleTask({
    id: 'review-envs-remove-orphans',
    frequency: { minutes: 30 },
    initialDelay: { minutes: 5 },
    timeout: { minutes: 10 },
    scope: 'global',
    fn: async () => {
      await environments.removeOrphans();
    },
  });
}
