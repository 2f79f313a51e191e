import { LedgerResource } from '@internal/backend-databases';
import { Knex } from 'knex';
import { DATABASE_RESOURCES_TABLE } from '../tables';

/** Drops a resource from the environment's ledger, once removed. */
export async function forgetDatabaseResource(
  db: Knex,
  id: string,
  resource: LedgerResource,
): Promise<void> {
  await db(DATABASE_RESOURCES_TABLE)
    .where({
      environment_id: id,
      type: resource.type,
      resource_id: resource.id,
    })
    .delete();
}
