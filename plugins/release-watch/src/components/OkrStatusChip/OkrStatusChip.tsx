import { OkrStatus } from '@internal/plugin-release-watch-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import WarningIcon from '@material-ui/icons/Warning';

// Fixed shades with white text at 4.5:1 or more; the palette's success and
// error mains do not reach it.
const useStyles = makeStyles({
  'on-track': {
    backgroundColor: '#2e7d32',
    color: '#ffffff',
    '& svg': { color: 'inherit' },
  },
  'off-course': {
    backgroundColor: '#c62828',
    color: '#ffffff',
    '& svg': { color: 'inherit' },
  },
  'no-data': {},
});

const LABELS: Record<OkrStatus, string> = {
  'on-track': 'on track',
  'off-course': 'off course',
  'no-data': 'no data',
};

const ICONS: Record<OkrStatus, JSX.Element> = {
  'on-track': <CheckCircleIcon />,
  'off-course': <WarningIcon />,
  'no-data': <HelpOutlineIcon />,
};

/** Whether an objective will reach its target in time: on track, off course, or no data. */
export const OkrStatusChip = (props: { status: OkrStatus }) => {
  const { status } = props;
  const classes = useStyles();
  return (
    <Chip
      size="small"
      icon={ICONS[status]}
      label={LABELS[status]}
      className={classes[status]}
    />
  );
};
