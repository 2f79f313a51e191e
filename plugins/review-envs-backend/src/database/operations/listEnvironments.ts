import { Knex } from 'knex';
import { StoredEnvironment } from '../EnvironmentStore';
import { EnvironmentRow, toEnvironment } from '../environmentRows';
import { ENVIRONMENTS_TABLE } from '../tables';

/** Every environment, by repository, newest pull request first. */
export async function listEnvironments(db: Knex): Promise<StoredEnvironment[]> {
  const rows: EnvironmentRow[] = await db(ENVIRONMENTS_TABLE).orderBy([
    { column: 'repository' },
    { column: 'pull_request', order: 'desc' },
  ]);
  return rows.map(toEnvironment);
}
