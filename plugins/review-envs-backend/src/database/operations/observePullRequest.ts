import { databaseNowSql } from '@internal/backend-plugin-utils';
import { PullRequestSnapshot } from '@internal/plugin-review-envs-common';
import { Knex } from 'knex';
import {
  firstWanted,
  noLongerWanted,
  wantedAgain,
} from '../../environments/environmentTransitions';
import {
  ObserveOptions,
  ObserveResult,
  StoredEnvironment,
} from '../EnvironmentStore';
import { ENVIRONMENTS_TABLE } from '../tables';
import {
  activityColumns,
  pullRequestColumns,
  stateColumns,
} from './environmentColumns';
import { getEnvironment } from './getEnvironment';
import { recordEnvironmentEvent } from './recordEnvironmentEvent';
import { recordPullRequestUpdate } from './recordPullRequestUpdate';

/**
 * Applies what a pull request looks like now to its environment, in one
 * transaction; a snapshot older than one applied before changes nothing.
 */
export async function observePullRequest(
  db: Knex,
  snapshot: PullRequestSnapshot,
  options: ObserveOptions,
): Promise<ObserveResult> {
  return db.transaction(async tx => {
    if (!(await recordPullRequestUpdate(tx, snapshot))) {
      return {
        environment: await getEnvironment(tx, pullRequestKey(snapshot)),
        stale: true,
      };
    }
    const environment = await apply(tx, snapshot, options);
    return { environment, stale: false };
  });
}

async function apply(
  tx: Knex.Transaction,
  snapshot: PullRequestSnapshot,
  options: ObserveOptions,
): Promise<StoredEnvironment | undefined> {
  let current = await getEnvironment(tx, pullRequestKey(snapshot));
  if (!current) {
    if (!options.wanted) return undefined;
    const created = await create(tx, snapshot, options);
    if (created.inserted) return created.environment;
    // Created meanwhile by a concurrent snapshot: update that one.
    current = created.environment;
  }

  const transition = options.wanted
    ? wantedAgain(current, snapshot)
    : noLongerWanted(current, options.unwantedReason);
  if (!options.wanted && !transition) return current;
  await tx(ENVIRONMENTS_TABLE)
    .where({ id: current.id })
    .update({
      ...pullRequestColumns(snapshot, options.keep),
      ...(transition
        ? stateColumns(tx, transition.state, transition.reason)
        : { revision: tx.raw('revision + 1') }),
      // A deploy wanted again is activity: the expiry starts over.
      ...(transition?.state === 'pending' &&
        activityColumns(tx, options.ttlMs)),
    });
  if (transition) {
    await recordEnvironmentEvent(tx, current.id, {
      ...transition,
      actor: options.actor,
    });
  }
  return getEnvironment(tx, { id: current.id });
}

async function create(
  tx: Knex.Transaction,
  snapshot: PullRequestSnapshot,
  options: ObserveOptions,
): Promise<{ inserted: boolean; environment: StoredEnvironment }> {
  const { state, reason } = firstWanted(snapshot);
  const inserted = await tx(ENVIRONMENTS_TABLE)
    .insert({
      id: options.id,
      ...pullRequestKey(snapshot),
      ...pullRequestColumns(snapshot, options.keep),
      ...activityColumns(tx, options.ttlMs),
      state,
      state_reason: reason,
      target: options.target,
      revision: 1,
      created_at_ms: tx.raw(databaseNowSql(tx)),
    })
    .onConflict(['repository', 'pull_request'])
    .ignore()
    .returning('id');
  const environment = (await getEnvironment(tx, pullRequestKey(snapshot)))!;
  if (inserted.length > 0) {
    await recordEnvironmentEvent(tx, environment.id, {
      state,
      actor: options.actor,
      reason: environment.stateReason,
    });
  }
  return { inserted: inserted.length > 0, environment };
}

function pullRequestKey(snapshot: PullRequestSnapshot) {
  return { repository: snapshot.repository, pull_request: snapshot.number };
}
