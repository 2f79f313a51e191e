import {
  Link,
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  ReviewEnvironment,
  ReviewEnvironmentState,
  reviewEnvsSeedPermission,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import { ReactNode, useState } from 'react';
import { reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { useReportedAction } from '../../hooks/useReportedAction';
import { isAuthor } from '../../identity/isAuthor';
import { EnvironmentLogsDialog } from './EnvironmentLogsDialog';
import { SeedDialog } from './SeedDialog';

const STATUS: Record<ReviewEnvironmentState, (label: string) => ReactNode> = {
  pending: label => <StatusPending>{label}</StatusPending>,
  deploying: label => <StatusRunning>{label}</StatusRunning>,
  ready: label => <StatusOK>{label}</StatusOK>,
  failed: label => <StatusError>{label}</StatusError>,
  'tearing-down': label => <StatusRunning>{label}</StatusRunning>,
  gone: label => <StatusAborted>{label}</StatusAborted>,
};

/**
 * Enabled for the pull request's author and for those allowed to tear down
 * any environment (admins), as the backend decides; the backend checks
 * again. Its own component, so that it updates when the signed-in user and
 * the permission are known (table cells are not rendered again otherwise).
 */
const TearDownButton = (props: {
  environment: ReviewEnvironment;
  onClick: () => void;
}) => {
  const { environment: env, onClick } = props;
  const currentUserRef = useCurrentUserRef();
  const { allowed: mayTearDownAny } = usePermission({
    permission: reviewEnvsTeardownAnyPermission,
  });
  if (!mayTearDownAny && !isAuthor(currentUserRef, env.author)) {
    return (
      <span
        title={`Only ${env.author} (the pull request's author) and portal admins may tear it down`}
      >
        <Button size="small" color="secondary" disabled>
          Tear down
        </Button>
      </span>
    );
  }
  return (
    <Button size="small" color="secondary" onClick={onClick}>
      Tear down
    </Button>
  );
};

/**
 * "Load data": enabled for whoever the policy grants
 * `review-envs.environment.seed` on this environment (the portal's: the
 * pull request's author and admins); the backend checks again.
 */
const LoadDataButton = (props: {
  environment: ReviewEnvironment;
  onClick: () => void;
}) => {
  const { environment: env, onClick } = props;
  const { allowed } = usePermission({
    permission: reviewEnvsSeedPermission,
    resourceRef: env.id,
  });
  if (!allowed) {
    return (
      <span
        title={`Only ${env.author} (the pull request's author) and portal admins may load data into it`}
      >
        <Button size="small" disabled>
          Load data
        </Button>
      </span>
    );
  }
  return (
    <Button size="small" onClick={onClick}>
      Load data
    </Button>
  );
};

/** An ended environment: its pull request was closed or unlabelled, or it expired. */
const ended = (env: ReviewEnvironment) => env.state === 'gone';

/**
 * The review environments with their state and the actions on them; ended
 * ones only behind "Show ended", below the others.
 */
export const ReviewEnvironmentsTable = (props: {
  environments: ReviewEnvironment[];
  loading: boolean;
  onChange: () => void;
}) => {
  const { environments, loading, onChange } = props;
  const api = useApi(reviewEnvsApiRef);
  const [confirmTeardown, setConfirmTeardown] = useState<ReviewEnvironment>();
  const [logsOf, setLogsOf] = useState<ReviewEnvironment>();
  const [seedInto, setSeedInto] = useState<ReviewEnvironment>();
  const [showEnded, setShowEnded] = useState(false);
  const endedCount = environments.filter(ended).length;
  const shown = showEnded
    ? [
        ...environments.filter(env => !ended(env)),
        ...environments.filter(ended),
      ]
    : environments.filter(env => !ended(env));

  const { run } = useReportedAction(onChange);

  const columns: TableColumn<ReviewEnvironment>[] = [
    { title: 'Repository', field: 'repository' },
    {
      title: 'Pull request',
      field: 'pullRequest',
      render: env =>
        env.pullRequestUrl ? (
          <Link to={env.pullRequestUrl}>
            #{env.pullRequest} {env.title}
          </Link>
        ) : (
          `#${env.pullRequest} ${env.title}`
        ),
    },
    { title: 'Branch', field: 'branch' },
    {
      title: 'Status',
      field: 'state',
      render: env => (
        <span title={env.stateReason ?? undefined}>
          {STATUS[env.state](env.state)}
        </span>
      ),
    },
    {
      title: 'URL',
      field: 'url',
      render: env => (env.url ? <Link to={env.url}>{env.url}</Link> : '—'),
    },
    { title: 'Owner', field: 'author' },
    {
      title: 'Age',
      field: 'createdAt',
      render: env => relative(env.createdAt),
    },
    {
      title: 'Expires',
      field: 'expiresAt',
      render: env => {
        if (ended(env)) return 'ended';
        return env.keep ? 'kept' : new Date(env.expiresAt).toLocaleString();
      },
    },
    {
      title: 'Last deploy',
      field: 'lastDeployAt',
      render: env => (env.lastDeployAt ? relative(env.lastDeployAt) : '—'),
    },
    {
      title: 'Actions',
      sorting: false,
      render: env => (
        <>
          <Button size="small" onClick={() => setLogsOf(env)}>
            Logs
          </Button>
          {/* A stopping or ended environment has nothing left to act on. */}
          {!ended(env) && env.state !== 'tearing-down' && (
            <>
              <Button
                size="small"
                onClick={() =>
                  run(
                    () => api.redeployEnvironment(env.id),
                    `Redeploying ${env.id}`,
                  )
                }
              >
                Redeploy
              </Button>
              <Button
                size="small"
                onClick={() =>
                  run(() => api.extendEnvironment(env.id), `${env.id} extended`)
                }
              >
                Extend
              </Button>
              <LoadDataButton
                environment={env}
                onClick={() => setSeedInto(env)}
              />
              <TearDownButton
                environment={env}
                onClick={() => setConfirmTeardown(env)}
              />
            </>
          )}
        </>
      ),
    },
  ];

  return (
    <>
      <Box display="flex" justifyContent="flex-end">
        <FormControlLabel
          control={
            <Switch
              checked={showEnded}
              onChange={(_event, checked) => setShowEnded(checked)}
              color="primary"
            />
          }
          label={`Show ended (${endedCount})`}
        />
      </Box>
      <Table
        title="Review environments"
        options={{
          // Column dragging wraps each sort button in a second one (nested-interactive).
          draggable: false,
          paging: shown.length > 20,
          pageSize: 20,
          search: true,
          padding: 'dense',
        }}
        isLoading={loading}
        columns={columns}
        data={shown}
        emptyContent={
          <p style={{ padding: 16 }}>
            {endedCount > 0 && !showEnded
              ? `No running review environments; ${endedCount} ended. `
              : 'No review environments yet. '}
            Label a pull request <code>review</code> to get one.
          </p>
        }
      />
      <Dialog
        open={confirmTeardown !== undefined}
        onClose={() => setConfirmTeardown(undefined)}
      >
        <DialogTitle>Tear down {confirmTeardown?.id}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            The environment of pull request #{confirmTeardown?.pullRequest}{' '}
            stops and its resources are removed. Labelling the pull request
            again brings it back.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmTeardown(undefined)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              const env = confirmTeardown!;
              setConfirmTeardown(undefined);
              run(
                () => api.teardownEnvironment(env.id),
                `Tearing down ${env.id}`,
              );
            }}
          >
            Tear down
          </Button>
        </DialogActions>
      </Dialog>
      {seedInto && (
        <SeedDialog
          environment={seedInto}
          onClose={() => setSeedInto(undefined)}
          onSeeded={onChange}
        />
      )}
      {logsOf && (
        <EnvironmentLogsDialog
          environment={logsOf}
          onClose={() => setLogsOf(undefined)}
        />
      )}
    </>
  );
};

function relative(iso: string): string {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
