import { usePermission } from '@backstage/plugin-permission-react';
import {
  tenantDeletePermission,
  tenantUpdatePermission,
} from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import { useState } from 'react';
import { useApi } from '@backstage/frontend-plugin-api';
import {
  RegisteredTenant,
  tenantScaffolderApiRef,
} from '../../api/TenantScaffolderApi';

/**
 * "Upgrade to paid" for trial tenants and "Delete" with a confirmation, each
 * shown only to those who may. Errors go to `onError`, the changed tenant to
 * `onChanged`.
 */
export const TenantActions = ({
  tenant,
  onChanged,
  onError,
}: {
  tenant: RegisteredTenant;
  onChanged: (tenant: RegisteredTenant) => void;
  onError: (error: unknown) => void;
}) => {
  const api = useApi(tenantScaffolderApiRef);
  const { allowed: mayUpdate } = usePermission({
    permission: tenantUpdatePermission,
  });
  const { allowed: mayDelete } = usePermission({
    permission: tenantDeletePermission,
  });
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const run = async (action: () => Promise<RegisteredTenant>) => {
    setBusy(true);
    onError(undefined);
    try {
      onChanged(await action());
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  const gone = tenant.status === 'deleting' || tenant.status === 'deleted';
  const showUpgrade = mayUpdate && tenant.plan.kind === 'trial' && !gone;
  const showDelete = mayDelete;

  if (!showUpgrade && !showDelete) return null;

  return (
    <Box display="flex" gridGap={8}>
      {showUpgrade && (
        <Button
          variant="contained"
          color="primary"
          disabled={busy}
          onClick={() => run(() => api.upgradeToPaid(tenant.slug))}
        >
          Upgrade to paid
        </Button>
      )}
      {showDelete && (
        <Button
          variant="outlined"
          color="secondary"
          disabled={busy || gone}
          onClick={() => setConfirming(true)}
        >
          Delete
        </Button>
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        aria-labelledby="delete-tenant-title"
      >
        <DialogTitle id="delete-tenant-title">
          Delete {tenant.name}?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            This removes everything the portal provisioned for{' '}
            <strong>{tenant.slug}</strong>: its database, storage, DNS names and
            service. The customer's data cannot be recovered. The slug is never
            reused.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Keep it</Button>
          <Button
            color="secondary"
            variant="contained"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              run(() => api.deleteTenant(tenant.slug));
            }}
          >
            Delete tenant
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
