import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Okr, OkrReport } from '@internal/plugin-release-watch-common';
import { CursorStore } from '../sources/CursorStore';
import { ReportService } from '../service/ReportService';
import { OkrWatcher } from './OkrWatcher';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const okr: Okr = {
  id: 'ttp',
  title: 'Time to production',
  metric: 'time_to_production',
  scope: { kind: 'org' },
  unit: 'hours',
  baseline: 30,
  target: 3,
  startDate: '2026-01-01',
  dueDate: '2026-06-30',
  lowerIsBetter: true,
  owners: ['group:default/platform'],
  declaredBy: 'config',
};

describe('OkrWatcher', () => {
  it('notifies the owners once when an objective goes off course, again only after it recovered', async () => {
    const knex = await databases.init('SQLITE_3');
    await knex.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-release-watch-backend',
        'migrations',
      ),
    });
    let status: OkrReport['status'] = 'off-course';
    const reports = {
      okrReports: async () => [
        {
          okr,
          status,
          current: 20,
          expectedNow: 12,
          forecastAtDue: 9,
        } as OkrReport,
      ],
    } as unknown as ReportService;
    const notifications = { send: jest.fn(async () => {}) };
    const watcher = new OkrWatcher(
      reports,
      notifications,
      new CursorStore(knex),
      mockServices.logger.mock(),
    );

    await watcher.check();
    await watcher.check();
    expect(notifications.send).toHaveBeenCalledTimes(1);
    expect(notifications.send).toHaveBeenCalledWith({
      recipients: { type: 'entity', entityRef: ['group:default/platform'] },
      payload: expect.objectContaining({
        title: 'Time to production is off course',
        description:
          'Now 20 hours against 12 hours expected on the way from 30 hours to 3 hours by 2026-06-30; the trend reaches 9 hours by then.',
        link: '/release-watch',
      }),
    });

    status = 'on-track';
    await watcher.check();
    status = 'off-course';
    await watcher.check();
    expect(notifications.send).toHaveBeenCalledTimes(2);
  });
});
