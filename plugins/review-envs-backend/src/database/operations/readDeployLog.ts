import { Knex } from 'knex';
import { ENVIRONMENTS_TABLE } from '../tables';

/** The lines of the environment's latest deploy log. */
export async function readDeployLog(db: Knex, id: string): Promise<string[]> {
  const row = await db(ENVIRONMENTS_TABLE)
    .where({ id })
    .select('last_deploy_log')
    .first();
  return row?.last_deploy_log ? String(row.last_deploy_log).split('\n') : [];
}
