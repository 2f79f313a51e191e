import { Content, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import {
  DEFAULT_FILTERS,
  lastWeeks,
  RangeWeeks,
} from '../../filters/ReleaseWatchFilters';
import { rootRouteRef } from '../../routes';
import { entityRefOf } from '../EntityReleaseWatchContent/entityRefOf';
import { FilterBar, WeeksFilter } from '../Filters';
import { DoraSummary } from '../DoraSummary';
import { teamPageLink } from '../TeamsPage/teamPageLink';

/** On a Group's page: the team's DORA summary (its own and its child groups' entities) and a link to its filtered Release Watch page. */
export const EntityTeamContent = () => {
  const { entity } = useEntity();
  const owner = entityRefOf(entity);
  const [weeks, setWeeks] = useState<RangeWeeks>(DEFAULT_FILTERS.weeks);
  const pageLink = useRouteRef(rootRouteRef)?.();

  return (
    <Content>
      <FilterBar>
        <WeeksFilter weeks={weeks} onChange={setWeeks} />
      </FilterBar>
      <DoraSummary
        query={{ owner, ...lastWeeks(weeks) }}
        action={
          pageLink && (
            <Link to={teamPageLink(pageLink)(owner)}>
              Open the team's Release Watch page
            </Link>
          )
        }
      />
    </Content>
  );
};
