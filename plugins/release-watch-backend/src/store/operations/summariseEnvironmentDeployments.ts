import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { Range, wholeWeeks } from '../periods';
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

const WEEK_MS = 7 * 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

type Counted = { environment: string; count: number; sum: number };

/**
 * Production deployments in a window per environment, from deployment
 * frequency's measurements (one per successful one) and change failure
 * rate's (one per production deployment: 100 when it failed or an incident
 * names it as the cause, else 0). The window's whole weeks come from the
 * environments' weekly rollups (the caller settles them first), the days at
 * either end from the measurements' environment index, so a year costs a
 * few rows per environment and week rather than one per deployment.
 */
export async function summariseEnvironmentDeployments(
  knex: Knex,
  options: { window: Range; environments: string[] },
): Promise<EnvironmentDeployments[]> {
  const byEnvironment = new Map<string, EnvironmentDeployments>();
  const of = (environment: string) => {
    let figures = byEnvironment.get(environment);
    if (!figures) {
      figures = { environment, succeeded: 0, measured: 0, failed: 0 };
      byEnvironment.set(environment, figures);
    }
    return figures;
  };
  for (const row of await countIn(knex, 'deployment_frequency', options)) {
    of(row.environment).succeeded += row.count;
  }
  for (const row of await countIn(knex, 'change_failure_rate', options)) {
    const figures = of(row.environment);
    figures.measured += row.count;
    // Each measurement is 100 or 0.
    figures.failed += Math.round(row.sum / 100);
  }
  return [...byEnvironment.values()];
}

async function countIn(
  knex: Knex,
  metric: string,
  options: { window: Range; environments: string[] },
): Promise<Counted[]> {
  const { window } = options;
  const weeks = wholeWeeks(window);
  const ends = weeks
    ? [
        { from: window.from, to: weeks.start - 1 },
        { from: weeks.end, to: window.to },
      ].filter(span => span.from <= span.to)
    : [window];
  const parts = await inChunks(options.environments, async chunk => {
    const measured = ends.map(span =>
      knex(TABLES.measurements)
        .where('metric', metric)
        .whereNotNull('environment')
        .whereIn('environment', chunk)
        .whereBetween('at', [span.from, span.to])
        .groupBy('environment')
        .select('environment')
        .select(knex.raw('count(*) as n'), knex.raw('sum(value) as total')),
    );
    const rolledUp = weeks
      ? [
          knex(TABLES.rollups)
            .where({ metric, period: 'week', scope_kind: 'env' })
            .whereIn('scope', chunk)
            .whereBetween('period_start', [
              day(weeks.start),
              day(weeks.end - WEEK_MS),
            ])
            .groupBy('scope')
            .select({ environment: 'scope' })
            .select(knex.raw('sum(count) as n'), knex.raw('sum(sum) as total')),
        ]
      : [];
    return (await Promise.all([...measured, ...rolledUp])).flat();
  });
  return parts.map((row: any) => ({
    environment: row.environment as string,
    count: Number(row.n ?? 0),
    sum: Number(row.total ?? 0),
  }));
}
