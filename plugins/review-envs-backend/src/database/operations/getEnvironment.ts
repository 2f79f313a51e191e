import { Knex } from 'knex';
import { StoredEnvironment } from '../EnvironmentStore';
import { EnvironmentRow, toEnvironment } from '../environmentRows';
import { ENVIRONMENTS_TABLE } from '../tables';

/** One environment by id, or by its pull request; undefined when there is none. */
export async function getEnvironment(
  db: Knex | Knex.Transaction,
  where: { id: string } | { repository: string; pull_request: number },
): Promise<StoredEnvironment | undefined> {
  const row: EnvironmentRow | undefined = await db(ENVIRONMENTS_TABLE)
    .where(where)
    .first();
  return row ? toEnvironment(row) : undefined;
}
