import { ReviewEnvironmentEvent } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { EnvironmentHistoryRow, toEnvironmentEvent } from '../environmentRows';
import { ENVIRONMENT_HISTORY_TABLE } from '../tables';

/** The environment's last `limit` states, newest first. */
export async function readEnvironmentHistory(
  db: Knex,
  id: string,
  limit: number,
): Promise<ReviewEnvironmentEvent[]> {
  const rows: EnvironmentHistoryRow[] = await db(ENVIRONMENT_HISTORY_TABLE)
    .where({ environment_id: id })
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map(toEnvironmentEvent);
}
