import { SchedulerService } from '@backstage/backend-plugin-api';
import { FleetUpgradeRunner } from './FleetUpgradeRunner';

const FLEET_UPGRADE_TASK = 'tenant-fleet-upgrade';

/**
 * Runs fleet upgrades every 10 seconds on every replica: tenant leases,
 * not the scheduler's lock, keep two runners apart, so a replica that dies
 * mid-wave holds nothing up for longer than a lease. Answers what wakes the
 * runners at once, when an upgrade is started, resumed or retried, and
 * when a wave's health guard soak ends.
 */
export async function scheduleFleetUpgrades(
  scheduler: SchedulerService,
  runner: FleetUpgradeRunner,
): Promise<() => void> {
  await scheduler.scheduleTask({
    id: FLEET_UPGRADE_TASK,
    frequency: { seconds: 10 },
    timeout: { hours: 2 },
    scope: 'local',
    fn: () => runner.run(),
  });
  const wake = () => {
    runner.wake();
    // Refused while a run is in progress, which then looks again.
    scheduler.triggerTask(FLEET_UPGRADE_TASK).catch(() => {});
  };
  // A wave's soak ending wakes them too.
  runner.triggerWith(wake);
  return wake;
}
