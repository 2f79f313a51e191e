import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { usePolled } from '../../hooks/usePolled';
import { ReviewEnvironmentsTable } from '../ReviewEnvironmentsTable';
import { SharedEnvironmentLockCard } from '../SharedEnvironmentLockCard';

export const ReviewEnvsPage = () => {
  const environments = usePolled(api => api.listEnvironments());
  const locks = usePolled(api => api.listLocks());
  const currentUserRef = useCurrentUserRef();

  return (
    <Content>
      {environments.error && <ResponseErrorPanel error={environments.error} />}
      <ReviewEnvironmentsTable
        environments={environments.value ?? []}
        loading={environments.loading}
        onChange={environments.refresh}
      />
      <Box mt={4}>
        <ContentHeader title="Shared environments">
          <Typography variant="body2">
            Claim a shared environment before you deploy to it; CI checks the
            lock before every deploy.
          </Typography>
        </ContentHeader>
      </Box>
      {locks.loading && <Progress />}
      {locks.error && <ResponseErrorPanel error={locks.error} />}
      <Grid container spacing={3}>
        {locks.value?.map(lock => (
          <Grid item xs={12} md={6} key={lock.name}>
            <SharedEnvironmentLockCard
              lock={lock}
              currentUserRef={currentUserRef}
              onChange={locks.refresh}
            />
          </Grid>
        ))}
      </Grid>
    </Content>
  );
};
