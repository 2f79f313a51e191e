import { KeySummary } from '@internal/plugin-release-watch-common';
import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { formatValue } from '../../format/formatValue';
import { BandChip } from '../BandChip';
import { TrendArrow } from '../TrendArrow';

/** One DORA key: its title, value in its unit, band and trend. */
export const KeyFigure = (props: { figure: KeySummary }) => {
  const { figure } = props;
  return (
    <Paper variant="outlined" component="li" aria-label={figure.title}>
      <Box p={2}>
        <Typography variant="subtitle2" component="h3">
          {figure.title}
        </Typography>
        <Typography variant="h5" component="p">
          {formatValue(figure.value, figure.unit)}{' '}
          <TrendArrow trend={figure.trend} unit={figure.unit} />
        </Typography>
        <Typography variant="caption" color="textSecondary" component="p">
          {figure.count} measured
        </Typography>
        <Box mt={1}>
          <BandChip band={figure.band} reason={figure.noBandReason} />
        </Box>
      </Box>
    </Paper>
  );
};
