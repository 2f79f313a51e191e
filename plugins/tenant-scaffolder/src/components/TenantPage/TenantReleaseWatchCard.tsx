import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { tenantEnvironment } from '@internal/plugin-tenant-scaffolder-common';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { tenantReleaseWatchApiRef } from '../../api/TenantReleaseWatchApi';
import { formatDateTime } from '../../format/formatDate';

/** How far back the card looks: the last 12 weeks, today included. */
export const RELEASE_WATCH_WEEKS = 12;

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last {@link RELEASE_WATCH_WEEKS} weeks up to today (UTC), as Release Watch takes a range. */
export function recentRange(now = Date.now()) {
  return {
    from: day(now - (RELEASE_WATCH_WEEKS * 7 - 1) * DAY_MS),
    to: day(now),
  };
}

const round = (value: number) =>
  value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/**
 * The tenant's production environment as Release Watch sees it: deploys per
 * week and change failure rate over the last weeks, and the version deployed
 * last.
 */
export const TenantReleaseWatchCard = ({ slug }: { slug: string }) => {
  const api = useApi(tenantReleaseWatchApiRef);
  const { from, to } = recentRange();
  const { value, loading, error } = useAsync(
    () => api.getTenantFigures(slug, { from, to }),
    [api, slug, from, to],
  );
  const reported =
    value &&
    (value.lastDeployedAt !== null ||
      value.deployments > 0 ||
      value.failedDeployments > 0 ||
      value.incidents > 0);

  return (
    <InfoCard
      title="Release Watch"
      subheader={`${tenantEnvironment(
        slug,
      )}, last ${RELEASE_WATCH_WEEKS} weeks`}
    >
      {loading && <Progress />}
      {error && !loading && (
        <ResponseErrorPanel error={error} title="Release Watch" />
      )}
      {value && !loading && !reported && (
        <Typography variant="body2" color="textSecondary">
          No deployments reported yet.
        </Typography>
      )}
      {value && !loading && reported && (
        <StructuredMetadataTable
          metadata={{
            'deploys per week': round(value.deploysPerWeek),
            'change failure rate':
              value.changeFailureRate === null
                ? '–'
                : `${round(value.changeFailureRate)}%`,
            deployments: `${value.deployments} (${value.failedDeployments} failed)`,
            incidents: value.incidents,
            'last version': value.lastVersion ?? '–',
            'last deployed': formatDateTime(value.lastDeployedAt),
          }}
        />
      )}
    </InfoCard>
  );
};
