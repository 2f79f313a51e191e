import { KeyTrend } from '@internal/plugin-release-watch-common';
import { makeStyles } from '@material-ui/core/styles';
import ArrowDownwardIcon from '@material-ui/icons/ArrowDownward';
import ArrowForwardIcon from '@material-ui/icons/ArrowForward';
import ArrowUpwardIcon from '@material-ui/icons/ArrowUpward';
import { formatValue } from '../../format/formatValue';

const useStyles = makeStyles({
  better: { color: '#2e7d32', verticalAlign: 'middle' },
  worse: { color: '#c62828', verticalAlign: 'middle' },
  same: { color: '#616161', verticalAlign: 'middle' },
});

const ICONS = {
  up: ArrowUpwardIcon,
  down: ArrowDownwardIcon,
  flat: ArrowForwardIcon,
};

/** Where a key went over the last 28 days against the 28 before: an arrow, green when better, red when worse. */
export const TrendArrow = (props: { trend: KeyTrend | null; unit: string }) => {
  const { trend, unit } = props;
  const classes = useStyles();
  if (!trend) {
    return null;
  }
  const Icon = ICONS[trend.direction];
  const said =
    trend.direction === 'flat'
      ? 'flat'
      : `${trend.direction}, ${trend.verdict}`;
  const label = `Trend ${said}: ${formatValue(
    trend.latest,
    unit,
  )} in the last 28 days, ${formatValue(trend.previous, unit)} before`;
  return (
    <Icon
      fontSize="small"
      role="img"
      aria-label={label}
      titleAccess={label}
      className={classes[trend.verdict]}
    />
  );
};
