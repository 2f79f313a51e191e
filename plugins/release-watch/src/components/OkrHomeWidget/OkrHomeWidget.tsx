import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import {
  DEFAULT_FILTERS,
  toReportQuery,
} from '../../filters/ReleaseWatchFilters';
import { formatScope } from '../../format/formatScope';
import { formatValue } from '../../format/formatValue';
import { useOkrReports } from '../../hooks/useOkrReports';
import { rootRouteRef } from '../../routes';
import { OkrStatusChip } from '../OkrStatusChip';

/**
 * For the home page: each objective in brief, over the Release Watch page's
 * default range: where it stands, its target, and whether it is on track.
 */
export const OkrHomeWidget = () => {
  const query = useMemo(() => toReportQuery(DEFAULT_FILTERS), []);
  const { value, loading, error } = useOkrReports(query);
  const pageLink = useRouteRef(rootRouteRef)?.();

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.reports.length === 0) {
    return (
      <Typography>
        No objectives yet: they are set in <code>releaseWatch.okrs</code>.
      </Typography>
    );
  }
  return (
    <>
      <Table size="small" aria-label="Objectives">
        <TableHead>
          <TableRow>
            <TableCell>Objective</TableCell>
            <TableCell>Current</TableCell>
            <TableCell>Target</TableCell>
            <TableCell>Status</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {value.reports.map(report => (
            <TableRow key={report.okr.id}>
              <TableCell>
                {report.okr.title}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {formatScope(report.okr.scope)}
                </Typography>
              </TableCell>
              <TableCell>
                {formatValue(report.current, report.okr.unit)}
              </TableCell>
              <TableCell>
                {formatValue(report.okr.target, report.okr.unit)}
              </TableCell>
              <TableCell>
                <OkrStatusChip status={report.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {pageLink && (
        <Link to={pageLink}>Charts and releases in Release Watch</Link>
      )}
    </>
  );
};
