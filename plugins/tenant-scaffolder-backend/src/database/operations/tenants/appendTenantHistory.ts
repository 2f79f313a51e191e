import { databaseNowSql } from '@internal/backend-plugin-utils';
import { TenantHistoryAction } from '@internal/plugin-tenant-scaffolder-common';
import { Knex } from 'knex';
import { HISTORY } from '../../tenantRows';

export async function appendTenantHistory(
  db: Knex,
  entry: {
    slug: string;
    actor: string;
    action: TenantHistoryAction;
    detail: string;
  },
): Promise<void> {
  await db(HISTORY).insert({ ...entry, at_ms: db.raw(databaseNowSql(db)) });
}
