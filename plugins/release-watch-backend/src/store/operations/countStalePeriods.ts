import { Knex } from 'knex';
import { TABLES } from '../tables';

export async function countStalePeriods(knex: Knex): Promise<number> {
  const row = await knex(TABLES.stalePeriods).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
