import { SchedulerService } from '@backstage/backend-plugin-api';
import { SharedEnvironmentLocks } from '../locks/SharedEnvironmentLocks';

/**
 * Reading the locks expires overdue grants and hands free locks to their
 * queue; doing it every minute records both promptly even when nobody
 * looks. One replica at a time runs it.
 */
export async function scheduleLockSettling(
  scheduler: SchedulerService,
  locks: SharedEnvironmentLocks,
): Promise<void> {
  await scheduler.scheduleTask({
    id: 'review-envs-settle-locks',
    frequency: { minutes: 1 },
    timeout: { minutes: 1 },
    scope: 'global',
    fn: async () => {
      await locks.list();
    },
  });
}
