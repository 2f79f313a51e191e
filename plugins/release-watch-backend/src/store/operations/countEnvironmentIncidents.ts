import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { Range } from '../periods';
import { TABLES } from '../tables';

/** Incidents opened in a window per environment (an incident reported twice counts once). */
export async function countEnvironmentIncidents(
  knex: Knex,
  options: { window: Range; environments: string[] },
): Promise<Map<string, number>> {
  const rows = await inChunks(options.environments, chunk =>
    knex(TABLES.events)
      .whereRaw("kind = 'incident'")
      .where('status', 'opened')
      .whereBetween('at', [options.window.from, options.window.to])
      .whereIn('environment', chunk)
      .groupBy('environment')
      .select('environment')
      .countDistinct({ count: 'incident' }),
  );
  return new Map(
    rows.map((row: any) => [row.environment as string, Number(row.count)]),
  );
}
