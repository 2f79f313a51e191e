import { Content } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { useState } from 'react';
import {
  DEFAULT_FILTERS,
  ReleaseWatchFilters,
  toReportQuery,
} from '../../filters/ReleaseWatchFilters';
import { FilterBar, RangeFilter } from '../Filters';
import { ReleaseWatchReport } from '../ReleaseWatchReport';
import { entityRefOf } from './entityRefOf';

/** The Release Watch page for the current entity: its objectives, charts and releases. */
export const EntityReleaseWatchContent = () => {
  const { entity } = useEntity();
  const [filters, setFilters] = useState<ReleaseWatchFilters>(DEFAULT_FILTERS);
  const query = toReportQuery({
    weeks: filters.weeks,
    period: filters.period,
    entityRef: entityRefOf(entity),
  });

  return (
    <Content>
      <FilterBar>
        <RangeFilter filters={filters} onChange={setFilters} />
      </FilterBar>
      <ReleaseWatchReport query={query} />
    </Content>
  );
};
