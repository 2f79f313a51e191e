import { OwnerScope, Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';

/** A scope as the store narrows by it: a team's scope comes with the entities it owns. */
export type StoreScope =
  | Exclude<Scope, OwnerScope>
  | (OwnerScope & { entityRefs: string[] });

/** Narrows a query of events or measurements to a group's, an entity's or a team's rows. */
export function scoped<T extends Knex.QueryBuilder>(
  query: T,
  scope: StoreScope,
): T {
  if (scope.kind === 'group') {
    query.where('group_name', scope.group);
  } else if (scope.kind === 'entity') {
    query.where('entity_ref', scope.entityRef);
  } else if (scope.kind === 'owner') {
    query.whereIn('entity_ref', scope.entityRefs);
  }
  return query;
}
