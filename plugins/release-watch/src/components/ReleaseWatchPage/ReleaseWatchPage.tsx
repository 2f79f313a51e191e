import { Content } from '@backstage/core-components';
import { useState } from 'react';
import {
  DEFAULT_FILTERS,
  ReleaseWatchFilters,
  toReportQuery,
} from '../../filters/ReleaseWatchFilters';
import { FilterBar, RangeFilter, ScopeFilter } from '../Filters';
import { ReleaseWatchReport } from '../ReleaseWatchReport';

/** Objectives, charts and releases for the organisation, a group or an entity. */
export const ReleaseWatchPage = () => {
  const [filters, setFilters] = useState<ReleaseWatchFilters>(DEFAULT_FILTERS);

  return (
    <Content>
      <FilterBar>
        <ScopeFilter filters={filters} onChange={setFilters} />
        <RangeFilter filters={filters} onChange={setFilters} />
      </FilterBar>
      <ReleaseWatchReport query={toReportQuery(filters)} />
    </Content>
  );
};
