import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { OkrReport } from '@internal/plugin-release-watch-common';
import { CursorStore } from '../sources/CursorStore';
import { ReportService } from '../service/ReportService';

const DAY_MS = 86_400_000;

/**
 * Tells an objective's owners when it goes off course: once per change of
 * course (the last status is kept in the database), not on every check.
 */
export class OkrWatcher {
  constructor(
    private readonly reports: ReportService,
    private readonly notifications: NotificationService,
    private readonly statuses: CursorStore,
    private readonly logger: LoggerService,
  ) {}

  async check(now = Date.now()): Promise<OkrReport[]> {
    const reports = await this.reports.okrReports({ kind: 'org' }, 'week', {
      from: now - 12 * 7 * DAY_MS,
      to: now,
    });
    const notified: OkrReport[] = [];
    for (const report of reports) {
      const key = `okr-status:${report.okr.id}`;
      const previous = await this.statuses.get(key);
      if (report.status === previous) {
        continue;
      }
      if (report.status === 'off-course' && report.okr.owners.length > 0) {
        await this.notifications.send({
          recipients: { type: 'entity', entityRef: report.okr.owners },
          payload: {
            title: `${report.okr.title} is off course`,
            description: describe(report),
            link: '/release-watch',
            severity: 'high',
            topic: 'release-watch-okr',
          },
        });
        notified.push(report);
        this.logger.info(
          `Told ${report.okr.owners.join(', ')} that ${
            report.okr.id
          } went off course`,
        );
      }
      await this.statuses.set(key, report.status);
    }
    return notified;
  }
}

function describe(report: OkrReport): string {
  const { okr } = report;
  const value = (n: number | null) =>
    n === null ? 'unknown' : `${Math.round(n * 10) / 10} ${okr.unit}`;
  return (
    `Now ${value(report.current)} against ${value(
      report.expectedNow,
    )} expected on the way from ` +
    `${value(okr.baseline)} to ${value(okr.target)} by ${okr.dueDate}; ` +
    `the trend reaches ${value(report.forecastAtDue)} by then.`
  );
}
