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
 * Production deployments in a window per environment, with the change
 * failure rate's own measurement of each (`cfr:<deployment id>`: 100 when it
 * failed or an incident names it as the cause, else 0).
 */
export async function summariseEnvironmentDeployments(
  knex: Knex,
  options: { window: Range; environments: string[] },
): Promise<EnvironmentDeployments[]> {
  const rows = await inChunks(options.environments, chunk =>
    knex({ e: TABLES.events })
      .leftJoin({ m: TABLES.measurements }, join =>
        join.on('m.key', '=', knex.raw("('cfr:' || ??)", ['e.id'])),
      )
      .whereRaw("e.kind = 'deployment'")
      .where('e.production', true)
      .whereBetween('e.at', [options.window.from, options.window.to])
      .whereIn('e.environment', chunk)
      .groupBy('e.environment')
      .select({ environment: 'e.environment' })
      .select(
        knex.raw(
          "sum(case when e.status = 'success' then 1 else 0 end) as succeeded",
        ),
        knex.raw('count(m.key) as measured'),
        knex.raw('sum(case when m.value > 0 then 1 else 0 end) as failed'),
      ),
  );
  return rows.map((row: any) => ({
    environment: row.environment,
    succeeded: Number(row.succeeded ?? 0),
    measured: Number(row.measured ?? 0),
    failed: Number(row.failed ?? 0),
  }));
}
