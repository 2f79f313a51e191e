import { Content } from '@backstage/core-components';
import { toReportQuery } from '../../filters/ReleaseWatchFilters';
import { useTeamFilter } from '../../filters/useTeamFilter';
import { FilterBar, RangeFilter, ScopeFilter, TeamFilter } from '../Filters';
import { TeamsLink } from './TeamsLink';
import { ReleaseWatchReport } from '../ReleaseWatchReport';
import { TenantEnvironmentsSection } from '../TenantEnvironmentsSection';

/** Objectives, charts and releases for the organisation, a group or an entity. */
export const ReleaseWatchPage = () => {
  const [filters, setFilters] = useTeamFilter();

  return (
    <Content>
      <FilterBar>
        <ScopeFilter filters={filters} onChange={setFilters} />
        <RangeFilter filters={filters} onChange={setFilters} />
        <TeamFilter filters={filters} onChange={setFilters} />
        <TeamsLink />
      </FilterBar>
      <ReleaseWatchReport query={toReportQuery(filters)} />
      <TenantEnvironmentsSection range={toReportQuery(filters)} />
    </Content>
  );
};
