import { databaseNowSql } from '@internal/backend-plugin-utils';
import { ReviewEnvironmentState } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import { ENVIRONMENT_HISTORY_TABLE } from '../tables';

/** Adds a state to the environment's history, with who or what caused it and why. */
export async function recordEnvironmentEvent(
  tx: Knex.Transaction,
  id: string,
  event: {
    state: ReviewEnvironmentState;
    actor: string;
    reason: string | null;
  },
): Promise<void> {
  await tx(ENVIRONMENT_HISTORY_TABLE).insert({
    environment_id: id,
    state: event.state,
    actor: event.actor,
    reason: event.reason,
    at_ms: tx.raw(databaseNowSql(tx)),
  });
}
