import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { ReportQuery } from '../../api/ReleaseWatchApi';
import { okrReportsCsv } from '../../csv/okrReportsCsv';
import { useOkrReports } from '../../hooks/useOkrReports';
import { CsvExportButton } from '../CsvExportButton';
import { NoObjectivesEmptyState } from '../EmptyStates';
import { OkrChart } from '../OkrChart';
import { OkrTable } from '../OkrTable';

/** The objectives of the query's scope: a table of where each stands, then a chart per objective. */
export const OkrSection = (props: { query: ReportQuery }) => {
  const { query } = props;
  const { value, loading, error } = useOkrReports(query);
  const reports = value?.reports ?? [];

  return (
    <section aria-label="Objectives" aria-busy={loading}>
      <ContentHeader title="Objectives">
        <CsvExportButton
          label="Download OKRs as CSV"
          filename={`release-watch-okrs-${query.from}-to-${query.to}.csv`}
          toCsv={() => okrReportsCsv(reports)}
          disabled={reports.length === 0}
        />
      </ContentHeader>
      {loading && <Progress />}
      {error && !loading && <ResponseErrorPanel error={error} />}
      {value && reports.length === 0 && <NoObjectivesEmptyState />}
      {value && reports.length > 0 && (
        <>
          <OkrTable reports={reports} period={value.period} />
          <Box mt={3}>
            <Grid container spacing={3}>
              {reports.map(report => (
                <Grid
                  item
                  xs={12}
                  lg={6}
                  key={`${report.okr.declaredBy}/${report.okr.id}`}
                >
                  <OkrChart report={report} period={value.period} />
                </Grid>
              ))}
            </Grid>
          </Box>
        </>
      )}
    </section>
  );
};
