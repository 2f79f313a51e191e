import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';
import { useProductName } from '../theme/useProductName';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 8 },
  name: {
    color: '#ffffff',
    fontSize: 16,
    fontWeight: 700,
    lineHeight: 1.1,
    whiteSpace: 'nowrap',
  },
});

/** The mark and the portal's name (`app.title`). */
export const LogoFull = () => {
  const classes = useStyles();
  const name = useProductName();
  return (
    <span className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>{name}</span>
    </span>
  );
};
