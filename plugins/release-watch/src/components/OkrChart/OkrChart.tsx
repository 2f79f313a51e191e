import { InfoCard } from '@backstage/core-components';
import { OkrReport, Period } from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatAxisDate, formatDay } from '../../format/formatDate';
import { formatScope } from '../../format/formatScope';
import { formatNumber, formatValue } from '../../format/formatValue';
import { ChartContainer } from '../ChartContainer';
import { OkrChartRow, okrChartData } from './okrChartData';
import { OkrChartTooltip } from './OkrChartTooltip';
import { timeTicks } from './timeTicks';

const HEIGHT = 300;

/**
 * One objective over the range: the measured figure per period, the target
 * and baseline, and the straight trajectory from baseline at the start to
 * target at the due date (dashed).
 */
export const OkrChart = (props: { report: OkrReport; period: Period }) => {
  const { report, period } = props;
  const { okr } = report;
  const theme = useTheme();
  const { rows, trajectory, domain } = okrChartData(report);
  const measured = report.points.some(point => point.value !== null);

  return (
    <InfoCard
      title={okr.title}
      subheader={`${formatScope(okr.scope)} · from ${formatValue(
        okr.baseline,
        okr.unit,
      )} on ${formatDay(okr.startDate)} to ${formatValue(
        okr.target,
        okr.unit,
      )} by ${formatDay(okr.dueDate)}`}
    >
      <ChartContainer label={`${okr.title} per ${period}`} height={HEIGHT}>
        <ComposedChart
          data={rows}
          margin={{ top: 8, right: 24, bottom: 24, left: 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="time"
            type="number"
            domain={domain}
            ticks={timeTicks(domain[0], domain[1], period)}
            tickFormatter={time => formatAxisDate(Number(time), period)}
            label={{
              value: period === 'month' ? 'month' : 'week starting',
              position: 'insideBottom',
              offset: -16,
            }}
          />
          <YAxis
            tickFormatter={value => formatNumber(Number(value))}
            label={{ value: okr.unit, angle: -90, position: 'insideLeft' }}
          />
          <Tooltip
            content={({ active, payload }) => (
              <OkrChartTooltip
                active={active}
                row={payload[0]?.payload as OkrChartRow | undefined}
                period={period}
                unit={okr.unit}
              />
            )}
          />
          <Legend verticalAlign="top" height={32} />
          <ReferenceLine
            y={okr.target}
            stroke={theme.palette.success.main}
            ifOverflow="extendDomain"
            label={{ value: 'target', position: 'insideTopRight' }}
          />
          <ReferenceLine
            y={okr.baseline}
            stroke={theme.palette.text.secondary}
            strokeDasharray="2 4"
            ifOverflow="extendDomain"
            label={{ value: 'baseline', position: 'insideBottomRight' }}
          />
          <Line
            name="trajectory"
            data={trajectory}
            dataKey="trajectory"
            stroke={theme.palette.text.secondary}
            strokeDasharray="6 4"
            dot={false}
            tooltipType="none"
            isAnimationActive={false}
          />
          <Line
            name="measured"
            dataKey="value"
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ChartContainer>
      {!measured && (
        <Typography variant="body2" color="textSecondary">
          Nothing measured in this range yet.
        </Typography>
      )}
    </InfoCard>
  );
};
