import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { Knex } from 'knex';
import { ReportService } from '../service/ReportService';
import { CursorStore } from '../sources/CursorStore';
import { RollupStore } from '../store/RollupStore';
import { OkrWatcher } from './OkrWatcher';

/** Checks the objectives hourly and tells their owners when one goes off course. */
export async function scheduleOkrWatch(options: {
  reports: ReportService;
  rollups: RollupStore;
  notifications: NotificationService;
  knex: Knex;
  scheduler: SchedulerService;
  logger: LoggerService;
}) {
  const { rollups, scheduler } = options;
  const watcher = new OkrWatcher(
    options.reports,
    options.notifications,
    new CursorStore(options.knex),
    options.logger,
  );
  await scheduler.scheduleTask({
    id: 'release-watch-okr-watch',
    frequency: { hours: 1 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      await rollups.settle();
      await watcher.check();
    },
  });
}
