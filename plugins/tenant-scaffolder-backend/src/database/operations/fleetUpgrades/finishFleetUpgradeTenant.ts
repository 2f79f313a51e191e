import { databaseNowSql } from '@internal/backend-plugin-utils';
import { Knex } from 'knex';
import { UPGRADE_TENANTS } from '../../fleetUpgradeRows';

/** Running to succeeded, or failed with the error. */
export async function finishFleetUpgradeTenant(
  db: Knex,
  id: number,
  slug: string,
  result: { error?: string },
): Promise<void> {
  await db(UPGRADE_TENANTS)
    .where({ upgrade_id: id, slug, status: 'running' })
    .update({
      status: result.error === undefined ? 'succeeded' : 'failed',
      error: result.error?.slice(0, 1000) ?? null,
      finished_at_ms: db.raw(databaseNowSql(db)),
      lease_until_ms: null,
    });
}
