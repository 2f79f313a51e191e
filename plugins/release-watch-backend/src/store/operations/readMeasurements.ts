import { Knex } from 'knex';
import { TABLES } from '../tables';

const CHUNK = 400;

/** The time and value of each measurement of these keys that exists. */
export async function readMeasurements(
  knex: Knex,
  keys: string[],
): Promise<Map<string, { at: number; value: number }>> {
  const measured = new Map<string, { at: number; value: number }>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const found = await knex(TABLES.measurements)
      .whereIn('key', keys.slice(i, i + CHUNK))
      .select('key', 'at', 'value');
    found.forEach(m =>
      measured.set(m.key, { at: Number(m.at), value: Number(m.value) }),
    );
  }
  return measured;
}
