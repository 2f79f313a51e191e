import { Table, TableColumn } from '@backstage/core-components';
import {
  bandOf,
  DORA_KEYS,
  OkrReport,
  Period,
} from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { formatDay, formatPeriod } from '../../format/formatDate';
import { formatScope } from '../../format/formatScope';
import { formatChange, formatValue } from '../../format/formatValue';
import { BandChip } from '../BandChip';
import { OkrStatusChip } from '../OkrStatusChip';

const isDoraKey = (metric: string) => (DORA_KEYS as string[]).includes(metric);

/** A column of a figure in the objective's unit, over a caption where there is one. */
function unitColumn(options: {
  title: string;
  field: string;
  value: (report: OkrReport) => number | null | undefined;
  caption?: (report: OkrReport) => string | null | undefined;
}): TableColumn<OkrReport> {
  const { title, field, value, caption } = options;
  return {
    title,
    field,
    render: report => {
      const captionText = caption?.(report);
      return (
        <>
          {formatValue(value(report), report.okr.unit)}
          {captionText && (
            <Typography variant="caption" color="textSecondary" component="div">
              {captionText}
            </Typography>
          )}
        </>
      );
    },
  };
}

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
    unitColumn({
      title: 'Current',
      field: 'current',
      value: report => report.current,
      caption: report =>
        report.currentPeriodStart &&
        formatPeriod(report.currentPeriodStart, period),
    }),
    {
      title: 'Band',
      render: report => {
        if (!isDoraKey(report.okr.metric)) {
          return null;
        }
        const { band, reason } = bandOf(report.okr.metric, report.current);
        return <BandChip band={band} reason={reason} />;
      },
    },
    unitColumn({
      title: 'Target',
      field: 'okr.target',
      value: report => report.okr.target,
      caption: report => `by ${formatDay(report.okr.dueDate)}`,
    }),
    unitColumn({
      title: 'Baseline',
      field: 'okr.baseline',
      value: report => report.okr.baseline,
      caption: report => `on ${formatDay(report.okr.startDate)}`,
    }),
    {
      title: 'Change',
      field: 'change',
      render: report => formatChange(report.change, report.okr.unit),
    },
    unitColumn({
      title: 'Expected now',
      field: 'expectedNow',
      value: report => report.expectedNow,
    }),
    unitColumn({
      title: 'Forecast at due',
      field: 'forecastAtDue',
      value: report => report.forecastAtDue,
    }),
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
