import { Table, TableColumn } from '@backstage/core-components';
import { OkrReport, Period } from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { formatDay, formatPeriod } from '../../format/formatDate';
import { formatScope } from '../../format/formatScope';
import { formatChange, formatValue } from '../../format/formatValue';
import { OkrStatusChip } from '../OkrStatusChip';

/** Every objective with where it stands, where it should stand, and where it is heading. */
export const OkrTable = (props: { reports: OkrReport[]; period: Period }) => {
  const { reports, period } = props;

  const columns: TableColumn<OkrReport>[] = [
    { title: 'Objective', field: 'okr.title', highlight: true },
    {
      title: 'Scope',
      customSort: (a, b) =>
        formatScope(a.okr.scope).localeCompare(formatScope(b.okr.scope)),
      render: report => formatScope(report.okr.scope),
    },
    {
      title: 'Current',
      field: 'current',
      render: report => (
        <>
          {formatValue(report.current, report.okr.unit)}
          {report.currentPeriodStart && (
            <Typography variant="caption" color="textSecondary" component="div">
              {formatPeriod(report.currentPeriodStart, period)}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Target',
      field: 'okr.target',
      render: report => (
        <>
          {formatValue(report.okr.target, report.okr.unit)}
          <Typography variant="caption" color="textSecondary" component="div">
            by {formatDay(report.okr.dueDate)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Baseline',
      field: 'okr.baseline',
      render: report => (
        <>
          {formatValue(report.okr.baseline, report.okr.unit)}
          <Typography variant="caption" color="textSecondary" component="div">
            on {formatDay(report.okr.startDate)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Change',
      field: 'change',
      render: report => formatChange(report.change, report.okr.unit),
    },
    {
      title: 'Expected now',
      field: 'expectedNow',
      render: report => formatValue(report.expectedNow, report.okr.unit),
    },
    {
      title: 'Forecast at due',
      field: 'forecastAtDue',
      render: report => formatValue(report.forecastAtDue, report.okr.unit),
    },
    {
      title: 'Status',
      field: 'status',
      render: report => <OkrStatusChip status={report.status} />,
    },
  ];

  return (
    <Table<OkrReport>
      options={{
        // Column dragging wraps each sort button in a second one (nested-interactive).
        draggable: false,
        paging: false,
        search: false,
        toolbar: false,
        padding: 'dense',
      }}
      columns={columns}
      data={reports}
    />
  );
};
