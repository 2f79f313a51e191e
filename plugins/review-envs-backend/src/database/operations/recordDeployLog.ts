import { Knex } from 'knex';
import { ENVIRONMENTS_TABLE } from '../tables';

/** Lines of a deploy log kept: the end of a long one. */
const KEPT_LINES = 500;

/** Keeps the progress and output of the environment's latest deploy. */
export async function recordDeployLog(
  db: Knex,
  id: string,
  lines: string[],
): Promise<void> {
  await db(ENVIRONMENTS_TABLE)
    .where({ id })
    .update({ last_deploy_log: lines.slice(-KEPT_LINES).join('\n') });
}
