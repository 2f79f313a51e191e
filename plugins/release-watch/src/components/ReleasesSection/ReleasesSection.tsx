import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ReleasesQuery } from '../../api/ReleaseWatchApi';
import { releasesCsv } from '../../csv/releasesCsv';
import { useReleases } from '../../hooks/useReleases';
import { CsvExportButton } from '../CsvExportButton';
import { NoReleasesEmptyState } from '../EmptyStates';
import { ReleasesTable } from '../ReleasesTable';
import { SprintReport } from '../SprintReport';
import { TimeToProductionHistogram } from '../TimeToProductionHistogram';

/** The releases of the range: the sprint report, their time to production, and the list. */
export const ReleasesSection = (props: { query: ReleasesQuery }) => {
  const { query } = props;
  const { value, loading, error } = useReleases(query);
  const releases = value?.releases ?? [];

  return (
    <section aria-label="Releases" aria-busy={loading}>
      <ContentHeader title="Releases">
        <CsvExportButton
          label="Download releases as CSV"
          filename={`release-watch-releases-${query.from}-to-${query.to}.csv`}
          toCsv={() => releasesCsv(releases)}
          disabled={releases.length === 0}
        />
      </ContentHeader>
      {loading && <Progress />}
      {error && !loading && <ResponseErrorPanel error={error} />}
      {value && releases.length === 0 && <NoReleasesEmptyState />}
      {value && releases.length > 0 && (
        <Grid container spacing={3}>
          <Grid item xs={12} md={6}>
            <SprintReport releases={value} />
          </Grid>
          <Grid item xs={12} md={6}>
            <TimeToProductionHistogram releases={value} />
          </Grid>
          <Grid item xs={12}>
            <ReleasesTable releases={releases} />
          </Grid>
        </Grid>
      )}
    </section>
  );
};
