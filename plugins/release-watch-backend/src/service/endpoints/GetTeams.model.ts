import { TeamsResponse } from '@internal/plugin-release-watch-common';
import { TeamDirectory } from '../../teams/TeamDirectory';
import { rangeOf, RangeQuery } from '../queryParams';
import { SummaryService } from '../SummaryService';

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface GetTeamsModel {
  /** Every team (a Group owning attributed entities) with its five DORA keys. */
  getTeams(query: RangeQuery): Promise<TeamsResponse>;
}

export class GetTeamsModelImpl implements GetTeamsModel {
  constructor(
    private readonly directory: Pick<TeamDirectory, 'teams'>,
    private readonly summary: Pick<SummaryService, 'keys'>,
  ) {}

  async getTeams(query: RangeQuery) {
    const range = rangeOf(query);
    const teams = await this.directory.teams();
    return {
      from: isoDay(range.from),
      to: isoDay(range.to),
      teams: await Promise.all(
        teams.map(async team => ({
          owner: team.owner,
          title: team.title,
          parent: team.parent,
          entities: team.entityRefs.length,
          keys: await this.summary.keys(
            { kind: 'owner', owner: team.owner },
            range,
          ),
        })),
      ),
    };
  }
}
