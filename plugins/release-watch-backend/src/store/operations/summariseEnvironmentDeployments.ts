import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { Range } from '../periods';
import { TABLES } from '../tables';

export type EnvironmentDeployments = {
  environment: string;
  /** Successful production deployments. */
  succeeded: number;
  /** Production deployments with a change_failure_rate measurement (any status). */
  measured: number;
  /** Of those, the ones that count as failed (measured 100). */
  failed: number;
};

/**
 * Production deployments in a window per environment, from their
 * measurements: deployment frequency's (one per successful one) and change
 * failure rate's (one per production deployment: 100 when it failed or an
 * incident names it as the cause, else 0). Both are read from the
 * measurements' environment index alone.
 */
export async function summariseEnvironmentDeployments(
  knex: Knex,
  options: { window: Range; environments: string[] },
): Promise<EnvironmentDeployments[]> {
  const { window } = options;
  const byEnvironment = new Map<string, EnvironmentDeployments>();
  const of = (environment: string) => {
    let figures = byEnvironment.get(environment);
    if (!figures) {
      figures = { environment, succeeded: 0, measured: 0, failed: 0 };
      byEnvironment.set(environment, figures);
    }
    return figures;
  };
  const read = (metric: string, chunk: string[]) =>
    knex(TABLES.measurements)
      .where('metric', metric)
      .whereNotNull('environment')
      .whereIn('environment', chunk)
      .whereBetween('at', [window.from, window.to])
      .groupBy('environment')
      .select('environment')
      .count({ count: '*' })
      .select(knex.raw('sum(case when value > 0 then 1 else 0 end) as failed'));
  const deployed = await inChunks(options.environments, chunk =>
    read('deployment_frequency', chunk),
  );
  for (const row of deployed as any[]) {
    of(row.environment).succeeded = Number(row.count);
  }
  const rated = await inChunks(options.environments, chunk =>
    read('change_failure_rate', chunk),
  );
  for (const row of rated as any[]) {
    const figures = of(row.environment);
    figures.measured = Number(row.count);
    figures.failed = Number(row.failed ?? 0);
  }
  return [...byEnvironment.values()];
}
