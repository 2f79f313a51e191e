import { InfoCard } from '@backstage/core-components';
import { ReleasesResponse } from '@internal/plugin-release-watch-common';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatValue } from '../../format/formatValue';
import { ChartContainer } from '../ChartContainer';
import { HistogramBin, histogramBins } from './histogramBins';

const HEIGHT = 300;

/** How many deployed releases took how long to reach production, split at the target. */
export const TimeToProductionHistogram = (props: {
  releases: ReleasesResponse;
}) => {
  const { releases } = props;
  const theme = useTheme();
  const hours = releases.releases
    .map(release => release.timeToProductionHours)
    .filter((value): value is number => value !== null);
  const bins = histogramBins(hours, releases.targetHours);
  const hasTarget = releases.targetHours !== null;

  return (
    <InfoCard
      title="Time to production"
      subheader={
        hasTarget
          ? `Deployed releases by hours to production; target ${formatValue(
              releases.targetHours,
              'hours',
            )}`
          : 'Deployed releases by hours to production'
      }
    >
      {bins.length === 0 ? (
        <Typography color="textSecondary">
          No release in this range has reached production yet.
        </Typography>
      ) : (
        <ChartContainer label="Time to production distribution" height={HEIGHT}>
          <BarChart
            data={bins}
            margin={{ top: 8, right: 24, bottom: 24, left: 16 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="label"
              label={{
                value: 'time to production (hours)',
                position: 'insideBottom',
                offset: -16,
              }}
            />
            <YAxis
              allowDecimals={false}
              label={{ value: 'releases', angle: -90, position: 'insideLeft' }}
            />
            <Tooltip
              labelFormatter={(_label, payload) =>
                binRange(payload[0]?.payload as HistogramBin | undefined)
              }
              formatter={(value, name) => [releaseCount(Number(value)), name]}
            />
            {hasTarget && <Legend verticalAlign="top" height={32} />}
            <Bar
              name={hasTarget ? 'within target' : 'releases'}
              dataKey="withinTarget"
              stackId="releases"
              fill={theme.palette.primary.main}
              isAnimationActive={false}
            />
            {hasTarget && (
              <Bar
                name="slower than target"
                dataKey="slowerThanTarget"
                stackId="releases"
                fill={theme.palette.error.main}
                isAnimationActive={false}
              />
            )}
          </BarChart>
        </ChartContainer>
      )}
    </InfoCard>
  );
};

function binRange(bin: HistogramBin | undefined): string {
  return bin ? `${bin.label} hours` : '';
}

function releaseCount(count: number): string {
  return count === 1 ? '1 release' : `${count} releases`;
}
