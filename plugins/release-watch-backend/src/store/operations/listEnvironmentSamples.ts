import { Knex } from 'knex';
import { inChunks } from '../derivations/measurements';
import { Range } from '../periods';
import { TABLES } from '../tables';

/** The values and unit of one metric's samples in a window per environment. */
export async function listEnvironmentSamples(
  knex: Knex,
  options: { metric: string; window: Range; environments: string[] },
): Promise<Map<string, { unit: string; values: number[] }>> {
  const { metric, window } = options;
  const inWindow = (chunk: string[]) =>
    knex(TABLES.measurements)
      .where('metric', metric)
      .whereNotNull('environment')
      .whereIn('environment', chunk)
      .whereBetween('at', [window.from, window.to]);
  // Values from the index alone; the unit, the series', once.
  const rows = (await inChunks(options.environments, chunk =>
    inWindow(chunk).select('environment', 'value'),
  )) as Array<{ environment: string; value: number | string }>;
  const samples = new Map<string, { unit: string; values: number[] }>();
  if (rows.length === 0) {
    return samples;
  }
  const unit =
    ((await knex(TABLES.measurements).where('metric', metric).first('unit'))
      ?.unit as string | null) ?? '';
  for (const row of rows) {
    const held = samples.get(row.environment) ?? {
      unit,
      values: [] as number[],
    };
    held.values.push(Number(row.value));
    samples.set(row.environment, held);
  }
  return samples;
}
