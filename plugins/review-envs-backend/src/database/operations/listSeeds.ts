import { ReviewEnvironmentSeed } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { SeedRow, toSeed } from '../seedRows';
import { SEEDS_TABLE } from '../tables';

/** The environment's last `limit` seeds, newest first. */
export async function listSeeds(
  db: Knex,
  environmentId: string,
  limit: number,
): Promise<ReviewEnvironmentSeed[]> {
  const rows: SeedRow[] = await db(SEEDS_TABLE)
    .where({ environment_id: environmentId })
    .orderBy('id', 'desc')
    .limit(limit);
  return rows.map(toSeed);
}
