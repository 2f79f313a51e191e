import { Link, Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { usePolled } from '../../hooks/usePolled';
import { isAuthor } from '../../identity/isAuthor';
import { rootRouteRef } from '../../routes';
import { SharedEnvironmentLockDetails } from '../SharedEnvironmentLockCard';

/**
 * For the home page: each shared environment's lock with claim and
 * release, and the signed-in user's own review environments that run.
 */
export const ReviewEnvsHomeWidget = () => {
  const locks = usePolled(api => api.listLocks());
  const environments = usePolled(api => api.listEnvironments());
  const currentUserRef = useCurrentUserRef();
  const pageLink = useRouteRef(rootRouteRef)?.();
  const mine = (environments.value ?? []).filter(
    env => env.state !== 'gone' && isAuthor(currentUserRef, env.author),
  );

  return (
    <>
      {locks.loading && <Progress />}
      {locks.error && <ResponseErrorPanel error={locks.error} />}
      {locks.value?.length === 0 && (
        <Typography>No shared environment is configured.</Typography>
      )}
      {locks.value?.map(lock => (
        <Box key={lock.name} mb={2}>
          <Typography variant="subtitle1" component="h3">
            {lock.title}
          </Typography>
          <SharedEnvironmentLockDetails
            lock={lock}
            currentUserRef={currentUserRef}
            onChange={locks.refresh}
          />
        </Box>
      ))}

      <Typography variant="subtitle1" component="h3">
        Your review environments
      </Typography>
      {environments.loading && <Progress />}
      {environments.error && <ResponseErrorPanel error={environments.error} />}
      {environments.value && mine.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          None running. Label a pull request <code>review</code> to get one.
        </Typography>
      )}
      {mine.length > 0 && (
        <ul aria-label="Your review environments">
          {mine.map(env => (
            <li key={env.id}>
              {env.url ? (
                <Link to={env.url}>
                  #{env.pullRequest} {env.title}
                </Link>
              ) : (
                `#${env.pullRequest} ${env.title}`
              )}
              : {env.state}
            </li>
          ))}
        </ul>
      )}
      {pageLink && <Link to={pageLink}>All review environments and locks</Link>}
    </>
  );
};
