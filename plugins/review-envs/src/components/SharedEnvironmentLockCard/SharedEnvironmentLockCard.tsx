import { InfoCard, StatusOK, StatusWarning } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  reviewEnvsLockForceReleasePermission,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { useReportedAction } from '../../hooks/useReportedAction';
import { ClaimDialog, ClaimRequest } from './ClaimDialog';

type DialogKind = 'claim' | 'extend' | 'queue';

type LockProps = {
  lock: SharedEnvironmentLock;
  currentUserRef?: string;
  onChange: () => void;
};

/**
 * The lock on one shared environment: who holds it, why, since when and
 * until when, who waits, and the actions open to the signed-in user.
 */
export const SharedEnvironmentLockDetails = (props: LockProps) => {
  const { lock, currentUserRef, onChange } = props;
  const api = useApi(reviewEnvsApiRef);
  const [dialog, setDialog] = useState<DialogKind>();
  const [confirmForceRelease, setConfirmForceRelease] = useState(false);
  const { allowed: mayForceRelease } = usePermission({
    permission: reviewEnvsLockForceReleasePermission,
  });

  const heldByMe = lock.holder !== null && lock.holder === currentUserRef;
  const queued = lock.queue.some(entry => entry.requester === currentUserRef);

  const { run, busy } = useReportedAction(onChange);
  const act = (action: () => Promise<unknown>, done: string) => {
    setDialog(undefined);
    run(action, done);
  };

  const submit = (request: ClaimRequest) => {
    if (dialog === 'claim') {
      act(() => api.claimLock(lock.name, request), `You hold ${lock.title}`);
    } else if (dialog === 'queue') {
      act(
        () => api.joinLockQueue(lock.name, request),
        `You are in the queue for ${lock.title}`,
      );
    } else if (dialog === 'extend') {
      act(
        () =>
          api.extendLock(lock.name, {
            fencingToken: lock.fencingToken,
            durationMinutes: request.durationMinutes,
          }),
        `${lock.title} extended`,
      );
    }
  };

  return (
    <>
      {lock.holder ? (
        <Box>
          <Typography variant="h6" component="p">
            <StatusWarning>
              Held by {heldByMe ? 'you' : displayName(lock.holder)}
            </StatusWarning>
          </Typography>
          <Typography>Reason: {lock.reason}</Typography>
          <Typography>Since: {formatTime(lock.since)}</Typography>
          <Typography>Expires: {formatTime(lock.expiresAt)}</Typography>
          <Typography variant="body2" color="textSecondary">
            Fencing token {lock.fencingToken}
          </Typography>
        </Box>
      ) : (
        <Typography variant="h6" component="p">
          <StatusOK>Free</StatusOK>
        </Typography>
      )}

      <Box mt={2}>
        <Typography variant="subtitle2">
          Queue {lock.queue.length === 0 ? '(empty)' : `(${lock.queue.length})`}
        </Typography>
        <ol aria-label={`${lock.title} queue`}>
          {lock.queue.map(entry => (
            <li key={entry.requester}>
              {displayName(entry.requester)}: {entry.reason} (
              {entry.durationMinutes} min)
            </li>
          ))}
        </ol>
      </Box>

      <Box display="flex" gridGap={8} mt={1}>
        {!lock.holder && lock.queue.length === 0 && (
          <Button
            variant="contained"
            color="primary"
            disabled={busy}
            onClick={() => setDialog('claim')}
          >
            Claim
          </Button>
        )}
        {heldByMe && (
          <>
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => setDialog('extend')}
            >
              Extend
            </Button>
            <Button
              variant="contained"
              color="primary"
              disabled={busy}
              onClick={() =>
                act(
                  () =>
                    api.releaseLock(lock.name, {
                      fencingToken: lock.fencingToken,
                    }),
                  `${lock.title} released`,
                )
              }
            >
              Release
            </Button>
          </>
        )}
        {!heldByMe && !queued && (lock.holder || lock.queue.length > 0) && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() => setDialog('queue')}
          >
            Join queue
          </Button>
        )}
        {queued && (
          <Button
            variant="outlined"
            disabled={busy}
            onClick={() =>
              act(() => api.leaveLockQueue(lock.name), 'You left the queue')
            }
          >
            Leave queue
          </Button>
        )}
        {lock.holder && !heldByMe && mayForceRelease && (
          <Button
            variant="outlined"
            color="secondary"
            disabled={busy}
            onClick={() => setConfirmForceRelease(true)}
          >
            Force release
          </Button>
        )}
      </Box>

      <Dialog
        open={confirmForceRelease}
        onClose={() => setConfirmForceRelease(false)}
      >
        <DialogTitle>Force-release {lock.title}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {lock.holder && displayName(lock.holder)} holds {lock.title} until{' '}
            {formatTime(lock.expiresAt)} ({lock.reason}). Releasing it for them
            invalidates their fencing token, so a deploy that checks the lock is
            refused; the next in the queue, if any, gets it.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmForceRelease(false)}>Cancel</Button>
          <Button
            color="secondary"
            variant="contained"
            onClick={() => {
              setConfirmForceRelease(false);
              run(
                () => api.forceReleaseLock(lock.name),
                `${lock.title} force-released`,
              );
            }}
          >
            Force release
          </Button>
        </DialogActions>
      </Dialog>

      <ClaimDialog
        open={dialog !== undefined}
        title={dialogTitle(dialog, lock.title)}
        submitLabel={submitLabel(dialog)}
        askReason={dialog !== 'extend'}
        onClose={() => setDialog(undefined)}
        onSubmit={submit}
      />
    </>
  );
};

/** The lock on one shared environment, in a card of its own. */
export const SharedEnvironmentLockCard = (props: LockProps) => (
  <InfoCard title={`${props.lock.title} lock`}>
    <SharedEnvironmentLockDetails {...props} />
  </InfoCard>
);

function dialogTitle(dialog: DialogKind | undefined, title: string) {
  if (dialog === 'queue') return `Queue for ${title}`;
  if (dialog === 'extend') return `Extend your hold on ${title}`;
  return `Claim ${title}`;
}

function submitLabel(dialog: DialogKind | undefined) {
  if (dialog === 'queue') return 'Join queue';
  if (dialog === 'extend') return 'Extend';
  return 'Claim';
}

/** `user:default/ada.lovelace` reads as `ada.lovelace`. */
function displayName(ref: string) {
  return ref.replace(/^[^:]+:(default\/)?/, '');
}

function formatTime(iso: string | null) {
  return iso ? new Date(iso).toLocaleString() : '';
}
