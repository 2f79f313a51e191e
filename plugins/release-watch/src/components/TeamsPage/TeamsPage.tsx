import {
  Content,
  ContentHeader,
  EmptyState,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { BAND_EDITION } from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { lastWeeks, RangeWeeks } from '../../filters/ReleaseWatchFilters';
import { useTeams } from '../../hooks/useTeams';
import { rootRouteRef } from '../../routes';
import { FilterBar, WeeksFilter } from '../Filters';
import { teamPageLink } from './teamPageLink';
import { TeamsTable } from './TeamsTable';

/** Teams side by side: each catalog Group owning measured entities, with its five DORA keys. */
export const TeamsPage = () => {
  const [weeks, setWeeks] = useState<RangeWeeks>(26);
  const range = lastWeeks(weeks);
  const { value, loading, error } = useTeams(range);
  const root = useRouteRef(rootRouteRef);
  const pageLink = root?.();

  return (
    <Content>
      <ContentHeader title="Teams side by side">
        {pageLink && <Link to={pageLink}>Back to Release Watch</Link>}
      </ContentHeader>
      <FilterBar>
        <WeeksFilter weeks={weeks} onChange={setWeeks} />
      </FilterBar>
      <section aria-label="Teams" aria-busy={loading}>
        {loading && <Progress />}
        {error && !loading && <ResponseErrorPanel error={error} />}
        {value && value.teams.length === 0 && (
          <EmptyState
            missing="data"
            title="No teams yet"
            description="A team is a catalog Group that owns (itself or through its child groups) a component Release Watch measures: set the component's spec.owner."
          />
        )}
        {value && value.teams.length > 0 && (
          <>
            <TeamsTable
              teams={value.teams}
              teamLink={pageLink ? teamPageLink(pageLink) : undefined}
            />
            <Typography variant="caption" color="textSecondary" component="p">
              Over {value.from} to {value.to}; a group counts the entities of
              the groups below it. Bands from the {BAND_EDITION}; arrows compare
              the last 28 days with the 28 before.
            </Typography>
          </>
        )}
      </section>
    </Content>
  );
};
