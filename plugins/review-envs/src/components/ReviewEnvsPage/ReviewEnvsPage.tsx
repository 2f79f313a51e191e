import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { useSharedEnvironmentLocks } from '../../hooks/useSharedEnvironmentLocks';
import { SharedEnvironmentLockCard } from '../SharedEnvironmentLockCard';

export const ReviewEnvsPage = () => {
  const { locks, loading, error, refresh } = useSharedEnvironmentLocks();
  const currentUserRef = useCurrentUserRef();

  return (
    <Content>
      <ContentHeader title="Shared environments">
        <Typography variant="body2">
          Claim a shared environment before you deploy to it; CI checks the lock
          before every deploy.
        </Typography>
      </ContentHeader>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      <Grid container spacing={3}>
        {locks?.map(lock => (
          <Grid item xs={12} md={6} key={lock.name}>
            <SharedEnvironmentLockCard
              lock={lock}
              currentUserRef={currentUserRef}
              onChange={refresh}
            />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
};
