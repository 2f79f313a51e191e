import { Okr, Period, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';
import { computePeriodFigures } from './operations/computePeriodFigures';
import { countDeploymentsByEnvironment } from './operations/countDeploymentsByEnvironment';
import { countEnvironmentIncidents } from './operations/countEnvironmentIncidents';
import { listEnvironmentSamples } from './operations/listEnvironmentSamples';
import { listProductionEnvironments } from './operations/listProductionEnvironments';
import { readLastDeployments } from './operations/readLastDeployments';
import { summariseEnvironmentDeployments } from './operations/summariseEnvironmentDeployments';
import { countMeetingTarget } from './operations/countMeetingTarget';
import { listStartedReleases } from './operations/listStartedReleases';
import { listUnattributed } from './operations/listUnattributed';
import { readMeasurements } from './operations/readMeasurements';
import { readRollupFingerprints } from './operations/readRollupFingerprints';
import { summarizeMeasurements } from './operations/summarizeMeasurements';
import { Range } from './periods';
import { StoreScope } from './scoped';

/** Gives a team's scope the entities it owns; other scopes pass as they are. */
export type ScopeResolver = (scope: Scope) => Promise<StoreScope>;

const noTeams: ScopeResolver = async scope => {
  if (scope.kind === 'owner') {
    throw new Error('No team directory to resolve an owner scope with');
  }
  return scope;
};

/** What the reports read from events and measurements beyond the rollups. */
export class ReportStore {
  constructor(
    private readonly knex: Knex,
    private readonly resolve: ScopeResolver = noTeams,
  ) {}

  async deploymentsByEnvironment(options: {
    scope: Scope;
    period: Period;
    from: string;
    to: string;
  }) {
    return countDeploymentsByEnvironment(this.knex, {
      ...options,
      scope: await this.resolve(options.scope),
    });
  }

  async meetingTarget(okr: Okr, period: Period, periodStart: string) {
    const scope = await this.resolve(okr.scope);
    return countMeetingTarget(
      this.knex,
      { ...okr, scope },
      period,
      periodStart,
    );
  }

  async startedReleases(scope: Scope, range: Range, limit: number) {
    return listStartedReleases(
      this.knex,
      await this.resolve(scope),
      range,
      limit,
    );
  }

  /** Per period figures like the rollups', for scopes without rollups (teams). */
  async periodFigures(options: {
    metric: string;
    period: Period;
    scope: Scope;
    from: string;
    to: string;
  }) {
    return computePeriodFigures(this.knex, {
      ...options,
      scope: await this.resolve(options.scope),
    });
  }

  /** The scope as queries narrow by it: a team's with the entities it owns. */
  resolveScope(scope: Scope): Promise<StoreScope> {
    return this.resolve(scope);
  }

  /** Per metric, a fingerprint of its measurements from one week to another (the organisation's rollups). */
  rollupFingerprints(options: {
    metrics: string[];
    fromWeek: string;
    toWeek: string;
  }) {
    return readRollupFingerprints(this.knex, options);
  }

  /** Count, sum and (when asked) exact median of a metric over a range. */
  async summary(options: {
    metric: string;
    scope: Scope;
    range: Range;
    median: boolean;
  }) {
    return summarizeMeasurements(this.knex, {
      ...options,
      scope: await this.resolve(options.scope),
    });
  }

  productionEnvironments() {
    return listProductionEnvironments(this.knex);
  }

  environmentDeployments(options: { window: Range; environments: string[] }) {
    return summariseEnvironmentDeployments(this.knex, options);
  }

  environmentIncidents(options: { window: Range; environments: string[] }) {
    return countEnvironmentIncidents(this.knex, options);
  }

  lastDeployments(environments: string[]) {
    return readLastDeployments(this.knex, environments);
  }

  environmentSamples(options: {
    metric: string;
    window: Range;
    environments: string[];
  }) {
    return listEnvironmentSamples(this.knex, options);
  }

  measurements(keys: string[]) {
    return readMeasurements(this.knex, keys);
  }

  unattributed(limit: number) {
    return listUnattributed(this.knex, limit);
  }
}
