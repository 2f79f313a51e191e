import { Content, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import {
  DEFAULT_FILTERS,
  lastWeeks,
  ReleaseWatchFilters,
} from '../../filters/ReleaseWatchFilters';
import { rootRouteRef } from '../../routes';
import { entityRefOf } from '../EntityReleaseWatchContent/entityRefOf';
import { FilterBar } from '../Filters';
import { RangeFilter } from '../Filters/RangeFilter';
import { DoraSummary } from '../DoraSummary';
import { teamPageLink } from '../TeamsPage/teamPageLink';

/** On a Group's page: the team's DORA summary (its own and its child groups' entities) and a link to its filtered Release Watch page. */
export const EntityTeamContent = () => {
  const { entity } = useEntity();
  const owner = entityRefOf(entity);
  const [filters, setFilters] = useState<ReleaseWatchFilters>(DEFAULT_FILTERS);
  const pageLink = useRouteRef(rootRouteRef)?.();

  return (
    <Content>
      <FilterBar>
        <RangeFilter filters={filters} onChange={setFilters} />
      </FilterBar>
      <DoraSummary
        query={{ owner, ...lastWeeks(filters.weeks) }}
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
