import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { EventStore } from './EventStore';
import { RollupStore } from './RollupStore';

/** How long pushes must pause before their rollups are refreshed. */
const QUIET_MS = 2000;
/** The longest a burst of pushes waits for a refresh. */
const BURST_MS = 30_000;

/**
 * Keeps the rollups fresh. Reads wait for fresh rollups anyway; between
 * reads, a burst of pushes is rolled up once it pauses (or every half minute
 * during a long one), not once per batch. A scheduled task picks up the
 * periods another replica's ingest marked stale.
 */
export async function scheduleRollupRefresh(options: {
  events: EventStore;
  rollups: RollupStore;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { events, rollups, scheduler, logger } = options;
  const refresh = () =>
    rollups
      .refreshStale()
      .catch(error =>
        logger.error(`Refreshing release-watch rollups failed: ${error}`),
      );
  let quietTimer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt: number | undefined;
  events.onChange(() => {
    firstChangeAt ??= Date.now();
    clearTimeout(quietTimer);
    const delay = Math.min(
      QUIET_MS,
      Math.max(0, firstChangeAt + BURST_MS - Date.now()),
    );
    quietTimer = setTimeout(() => {
      firstChangeAt = undefined;
      refresh();
    }, delay);
  });
  await scheduler.scheduleTask({
    id: 'release-watch-rollups',
    frequency: { seconds: 30 },
    timeout: { minutes: 10 },
    initialDelay: { seconds: 5 },
    fn: async () => {
      await refresh();
    },
  });
}
