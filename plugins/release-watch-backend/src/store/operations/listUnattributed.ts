import { Knex } from 'knex';
import { TABLES } from '../tables';

/** Events no catalog entity claimed, counted per claimant (the first `limit` by name). */
export async function listUnattributed(
  knex: Knex,
  limit: number,
): Promise<Array<{ subject: string; events: number; lastAt: number }>> {
  const rows = (await knex(TABLES.events)
    .whereNull('entity_ref')
    .groupBy('subject')
    .select('subject')
    .count({ events: '*' })
    .max({ lastAt: 'at' })
    .orderBy('subject')
    .limit(limit)) as Array<{
    subject: string;
    events: number | string;
    lastAt: number | string;
  }>;
  return rows.map(row => ({
    subject: String(row.subject),
    events: Number(row.events),
    lastAt: Number(row.lastAt),
  }));
}
