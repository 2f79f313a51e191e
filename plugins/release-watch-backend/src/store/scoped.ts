import { Scope } from '@internal/plugin-release-watch-common';
import { Knex } from 'knex';

/** Narrows a query of events or measurements to a group's or an entity's rows. */
export function scoped<T extends Knex.QueryBuilder>(query: T, scope: Scope): T {
  if (scope.kind === 'group') {
    query.where('group_name', scope.group);
  } else if (scope.kind === 'entity') {
    query.where('entity_ref', scope.entityRef);
  }
  return query;
}
