import { Okr, Period, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { countDeploymentsByEnvironment } from './operations/countDeploymentsByEnvironment';
import { countMeetingTarget } from './operations/countMeetingTarget';
import { listStartedReleases } from './operations/listStartedReleases';
import { listUnattributed } from './operations/listUnattributed';
import { readMeasurements } from './operations/readMeasurements';
import { Range } from './periods';

/** What the reports read from events and measurements beyond the rollups. */
export class ReportStore {
  constructor(private readonly knex: Knex) {}

  deploymentsByEnvironment(options: {
    scope: Scope;
    period: Period;
    from: string;
    to: string;
  }) {
    return countDeploymentsByEnvironment(this.knex, options);
  }

  meetingTarget(okr: Okr, period: Period, periodStart: string) {
    return countMeetingTarget(this.knex, okr, period, periodStart);
  }

  startedReleases(scope: Scope, range: Range, limit: number) {
    return listStartedReleases(this.knex, scope, range, limit);
  }

  measurements(keys: string[]) {
    return readMeasurements(this.knex, keys);
  }

  unattributed(limit: number) {
    return listUnattributed(this.knex, limit);
  }
}
