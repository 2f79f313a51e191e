import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { makeStyles } from '@material-ui/core';
import { LogoIcon } from './LogoIcon';

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
  const name =
    useApi(configApiRef).getOptionalString('app.title') ?? 'Developer Portal';
  return (
    <span className={classes.root}>
      <LogoIcon />
      <span className={classes.name}>{name}</span>
    </span>
  );
};
