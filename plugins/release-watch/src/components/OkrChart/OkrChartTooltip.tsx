import { Period } from '@internal/plugin-release-watch-common';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { formatPeriod } from '../../format/formatDate';
import { formatValue } from '../../format/formatValue';
import { OkrChartRow } from './okrChartData';

/** A period of an OKR chart under the pointer: its figure, how many measurements, and the trajectory. */
export const OkrChartTooltip = (props: {
  active?: boolean;
  row?: OkrChartRow;
  period: Period;
  unit: string;
}) => {
  const { active, row, period, unit } = props;
  if (!active || !row) {
    return null;
  }
  return (
    <Paper elevation={3} style={{ padding: 8 }}>
      <Typography variant="subtitle2">
        {formatPeriod(row.time, period)}
      </Typography>
      <Typography variant="body2">
        measured:{' '}
        {row.value === null
          ? 'nothing'
          : `${formatValue(row.value, unit)} (${measurements(row.count)})`}
      </Typography>
      {row.trajectory !== null && (
        <Typography variant="body2" color="textSecondary">
          trajectory: {formatValue(row.trajectory, unit)}
        </Typography>
      )}
    </Paper>
  );
};

function measurements(count: number): string {
  return count === 1 ? '1 measurement' : `${count} measurements`;
}
