import {
  EnvironmentFigures,
  EnvironmentsResponse,
} from '@internal/plugin-release-watch-common';
import { ReportStore } from '../../store/ReportStore';
import { nearestRank } from '../reports/percentiles';
import { windowOf, WindowQuery } from '../queryParams';

const WEEK_MS = 7 * 86_400_000;

const isoTime = (ms: number) => new Date(ms).toISOString();

export type EnvironmentsQuery = WindowQuery & {
  environment?: string[] | string;
  metric?: string;
};

export interface GetEnvironmentsModel {
  /** Each environment's deployments, change failure rate, incidents, last version and a metric's samples. */
  getEnvironments(query: EnvironmentsQuery): Promise<EnvironmentsResponse>;
}

export class GetEnvironmentsModelImpl implements GetEnvironmentsModel {
  constructor(
    private readonly store: Pick<
      ReportStore,
      | 'productionEnvironments'
      | 'environmentDeployments'
      | 'environmentIncidents'
      | 'lastDeployments'
      | 'environmentSamples'
    >,
    /** Waits for the rollups to include everything ingested so far. */
    private readonly settle: () => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  async getEnvironments(query: EnvironmentsQuery) {
    await this.settle();
    const now = this.now();
    const window = windowOf(query, now);
    const named =
      query.environment === undefined ? [] : [query.environment].flat();
    // Named ones in the order named (each once), else every production one.
    const environments = named.length
      ? [...new Set(named)]
      : await this.store.productionEnvironments();

    const [deployments, incidents, last, samples] = await Promise.all([
      this.store.environmentDeployments({ window, environments }),
      this.store.environmentIncidents({ window, environments }),
      this.store.lastDeployments(environments),
      query.metric
        ? this.store.environmentSamples({
            metric: query.metric,
            window,
            environments,
          })
        : undefined,
    ]);
    const deploymentsOf = new Map(deployments.map(d => [d.environment, d]));
    // Per week of the window as far as it has gone: a window that ends
    // later than now is not diluted by the time still to come.
    const weeks = (Math.min(window.to, now) - window.from) / WEEK_MS;

    const figures = environments.map((environment): EnvironmentFigures => {
      const deployed = deploymentsOf.get(environment);
      const succeeded = deployed?.succeeded ?? 0;
      const lastDeployment = last.get(environment);
      const sampled = samples?.get(environment);
      return {
        environment,
        deployments: succeeded,
        deploysPerWeek: weeks > 0 ? succeeded / weeks : 0,
        failedDeployments: deployed?.failed ?? 0,
        changeFailureRate: deployed?.measured
          ? (100 * deployed.failed) / deployed.measured
          : null,
        incidents: incidents.get(environment) ?? 0,
        lastVersion: lastDeployment?.version ?? null,
        lastDeployedAt: lastDeployment ? isoTime(lastDeployment.at) : null,
        metric:
          query.metric && sampled?.values.length
            ? sampleSummary(query.metric, sampled)
            : null,
      };
    });
    return {
      from: isoTime(window.from),
      to: isoTime(window.to),
      environments: figures,
    };
  }
}

function sampleSummary(
  name: string,
  samples: { unit: string; values: number[] },
): NonNullable<EnvironmentFigures['metric']> {
  const sorted = [...samples.values].sort((a, b) => a - b);
  return {
    name,
    unit: samples.unit,
    count: sorted.length,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    median: nearestRank(sorted, 0.5)!,
  };
}
