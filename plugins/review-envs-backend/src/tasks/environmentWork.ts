import { SchedulerService } from '@backstage/backend-plugin-api';
import { ReviewEnvironments } from '../environments/ReviewEnvironments';

const TASK_ID = 'review-envs-work';

/** Asks for the work task to run now, after a change that needs work. */
export function environmentWorkTrigger(
  scheduler: SchedulerService,
): () => void {
  return () => {
    scheduler.triggerTask(TASK_ID).catch(() => {
      // Already running: the next run picks the change up.
    });
  };
}

/**
 * Deploys, teardowns and expiry; also run at once after each change. Every
 * replica runs it: each environment's lease, not the scheduler's lock,
 * decides who works on it, so a replica that dies mid-deploy holds nothing
 * up for longer than the lease.
 */
export async function scheduleEnvironmentWork(
  scheduler: SchedulerService,
  environments: ReviewEnvironments,
): Promise<void> {
  await scheduler.scheduleTask({
    id: TASK_ID,
    frequency: { seconds: 10 },
    timeout: { minutes: 20 },
    scope: 'local',
    fn: () => environments.runWork(),
  });
}
