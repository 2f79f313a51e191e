import { OkrStatus } from '@internal/plugin-release-watch-common';
import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import WarningIcon from '@material-ui/icons/Warning';

const useStyles = makeStyles(theme => ({
  'on-track': {
    backgroundColor: theme.palette.success.main,
    color: theme.palette.success.contrastText,
    '& svg': { color: 'inherit' },
  },
  'off-course': {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
    '& svg': { color: 'inherit' },
  },
  'no-data': {},
}));

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
