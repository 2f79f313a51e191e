import { ScopesResponse } from '@internal/plugin-release-watch-common';
import { EntityDirectory } from '../../attribution/EntityDirectory';

export interface GetScopesModel {
  /** The groups and entities events are attributed to, for filters. */
  getScopes(): Promise<ScopesResponse>;
}

export class GetScopesModelImpl implements GetScopesModel {
  constructor(private readonly directory: Pick<EntityDirectory, 'list'>) {}

  async getScopes() {
    const entities = await this.directory.list();
    const groups = [
      ...new Set(entities.map(e => e.group).filter((g): g is string => !!g)),
    ].sort();
    return {
      groups,
      entities: entities.sort((a, b) => a.entityRef.localeCompare(b.entityRef)),
    };
  }
}
