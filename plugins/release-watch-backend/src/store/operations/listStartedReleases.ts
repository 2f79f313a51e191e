import { Knex } from 'knex';
import { Range } from '../periods';
import { scoped, StoreScope } from '../scoped';
import { TABLES } from '../tables';

export type StartedRelease = {
  subject: string;
  entity_ref: string | null;
  group_name: string | null;
  version: string;
  at: number | string;
};

/** The latest `limit` releases started in the range, newest first. */
export function listStartedReleases(
  knex: Knex,
  scope: StoreScope,
  range: Range,
  limit: number,
): Promise<StartedRelease[]> {
  return scoped(
    knex(TABLES.events)
      .whereRaw("kind = 'release'")
      .whereBetween('at', [range.from, range.to]),
    scope,
  )
    .select('subject', 'entity_ref', 'group_name', 'version', 'at')
    .orderBy('at', 'desc')
    .limit(limit);
}
