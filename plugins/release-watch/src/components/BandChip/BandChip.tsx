import {
  BAND_EDITION,
  bandLabel,
  DoraBand,
} from '@internal/plugin-release-watch-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';

// Fixed shades with white text at 4.5:1 or more.
const useStyles = makeStyles({
  elite: { backgroundColor: '#1b5e20', color: '#ffffff' },
  high: { backgroundColor: '#0d47a1', color: '#ffffff' },
  medium: { backgroundColor: '#bf360c', color: '#ffffff' },
  low: { backgroundColor: '#b71c1c', color: '#ffffff' },
});

/** A DORA performance band (Elite, High, Medium, Low), or "no band" with the reason as its title. */
export const BandChip = (props: {
  band: DoraBand | null;
  reason?: string | null;
}) => {
  const { band, reason } = props;
  const classes = useStyles();
  if (!band) {
    return (
      <Chip
        size="small"
        variant="outlined"
        label="no band"
        title={reason ?? undefined}
      />
    );
  }
  return (
    <Chip
      size="small"
      label={bandLabel(band)}
      className={classes[band]}
      title={`${bandLabel(band)} in the ${BAND_EDITION}`}
    />
  );
};
