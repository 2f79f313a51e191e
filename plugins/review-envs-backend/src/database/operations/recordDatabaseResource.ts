import { databaseNowSql } from '@internal/backend-plugin-utils';
import { LedgerResource } from '@internal/backend-databases';
import { Knex } from 'knex';
import { DATABASE_RESOURCES_TABLE } from '../tables';

/**
 * Records a resource the database driver is about to make for the
 * environment, once: a seed's replacement database is made again by every
 * seed under the same name.
 */
export async function recordDatabaseResource(
  db: Knex,
  id: string,
  resource: LedgerResource,
): Promise<void> {
  const recorded = await db(DATABASE_RESOURCES_TABLE)
    .where({
      environment_id: id,
      type: resource.type,
      resource_id: resource.id,
    })
    .first();
  if (recorded) return;
  await db(DATABASE_RESOURCES_TABLE).insert({
    environment_id: id,
    type: resource.type,
    resource_id: resource.id,
    recorded_at_ms: db.raw(databaseNowSql(db)),
  });
}
