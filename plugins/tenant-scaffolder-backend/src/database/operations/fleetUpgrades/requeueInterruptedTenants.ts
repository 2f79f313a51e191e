import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { UPGRADE_TENANTS } from '../../fleetUpgradeRows';

/** Running tenants whose lease ran out back to pending; how many. */
export async function requeueInterruptedTenants(db: Knex): Promise<number> {
  return db(UPGRADE_TENANTS)
    .where({ status: 'running' })
    .where(expired =>
      expired
        .whereNull('lease_until_ms')
        .orWhere('lease_until_ms', '<=', db.raw(databaseNowSql(db))),
    )
    .update({ status: 'pending', started_at_ms: null, lease_until_ms: null });
}
