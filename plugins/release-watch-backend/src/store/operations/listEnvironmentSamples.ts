import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { Range } from '../periods';
import { TABLES } from '../tables';

/** The values and unit of one metric's samples in a window per environment. */
export async function listEnvironmentSamples(
  knex: Knex,
  options: { metric: string; window: Range; environments: string[] },
): Promise<Map<string, { unit: string; values: number[] }>> {
  const rows = await inChunks(options.environments, chunk =>
    knex(TABLES.measurements)
      .where('metric', options.metric)
      .whereIn('environment', chunk)
      .whereBetween('at', [options.window.from, options.window.to])
      .select('environment', 'value', 'unit'),
  );
  const samples = new Map<string, { unit: string; values: number[] }>();
  for (const row of rows as any[]) {
    const held = samples.get(row.environment) ?? {
      unit: (row.unit as string | null) ?? '',
      values: [] as number[],
    };
    held.values.push(Number(row.value));
    samples.set(row.environment, held);
  }
  return samples;
}
