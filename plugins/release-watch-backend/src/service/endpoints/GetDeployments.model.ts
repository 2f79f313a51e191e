import { DeploymentsByEnvironmentResponse } from '@internal/plugin-release-watch-common';
import { periodStarts } from '../../store/periods';
import { ReportStore } from '../../store/ReportStore';
import { periodOf, rangeOf, ReportQuery, scopeOf } from '../queryParams';

export interface GetDeploymentsModel {
  /** Successful production deployments per environment and period. */
  getDeployments(query: ReportQuery): Promise<DeploymentsByEnvironmentResponse>;
}

export class GetDeploymentsModelImpl implements GetDeploymentsModel {
  constructor(
    private readonly store: Pick<ReportStore, 'deploymentsByEnvironment'>,
  ) {}

  async getDeployments(query: ReportQuery) {
    const scope = scopeOf(query);
    const period = periodOf(query);
    const range = rangeOf(query);
    const starts = periodStarts(period, range.from, range.to);
    const rows = await this.store.deploymentsByEnvironment({
      scope,
      period,
      from: starts[0],
      to: starts[starts.length - 1],
    });
    const byEnvironment = new Map<string, Map<string, number>>();
    for (const row of rows) {
      const environment = row.environment ?? 'unknown';
      const counts = byEnvironment.get(environment) ?? new Map();
      counts.set(row.periodStart, row.count);
      byEnvironment.set(environment, counts);
    }
    const environments = [...byEnvironment].map(([environment, counts]) => ({
      environment,
      total: [...counts.values()].reduce((a, b) => a + b, 0),
      points: starts.map(start => ({
        periodStart: start,
        count: counts.get(start) ?? 0,
      })),
    }));
    environments.sort(
      (a, b) => b.total - a.total || a.environment.localeCompare(b.environment),
    );
    return { period, environments };
  }
}
