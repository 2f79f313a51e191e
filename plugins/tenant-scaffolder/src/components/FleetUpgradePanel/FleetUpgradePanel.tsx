import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { tenantFleetUpgradePermission } from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { messageOf } from '../../api/errors';
import { useFleetUpgrade } from '../../hooks/useFleetUpgrade';
import { FleetUpgradeForm } from './FleetUpgradeForm';
import { FleetUpgradeProgress } from './FleetUpgradeProgress';
import { FleetUpgradeTenantsTable } from './FleetUpgradeTenantsTable';

const FleetUpgradeSection = () => {
  const { upgrade, loading, error, start, resume, cancel, retry } =
    useFleetUpgrade();
  const [actionError, setActionError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const retryTenant = async (slug: string) => {
    if (!upgrade) return;
    setRetrying(previous => new Set(previous).add(slug));
    setActionError(undefined);
    try {
      await retry(upgrade.id, slug);
    } catch (e) {
      setActionError(e);
    } finally {
      setRetrying(previous => {
        const next = new Set(previous);
        next.delete(slug);
        return next;
      });
    }
  };

  const underWay =
    upgrade?.status === 'running' || upgrade?.status === 'paused';

  let current;
  if (loading) {
    current = <Progress />;
  } else if (error) {
    current = <ResponseErrorPanel error={error} />;
  } else if (!upgrade) {
    current = (
      <Typography variant="body2" color="textSecondary">
        No fleet upgrade has run yet.
      </Typography>
    );
  } else {
    current = (
      <>
        <FleetUpgradeProgress upgrade={upgrade} />
        {underWay && (
          <Box display="flex" gridGap={8} mt={2}>
            {upgrade.status === 'paused' && (
              <Button
                variant="contained"
                color="primary"
                disabled={busy}
                onClick={() => act(() => resume(upgrade.id))}
              >
                Resume
              </Button>
            )}
            <Button
              variant="outlined"
              disabled={busy}
              onClick={() => act(() => cancel(upgrade.id))}
            >
              Cancel upgrade
            </Button>
          </Box>
        )}
        {actionError !== undefined && (
          <Box mt={2}>
            <Alert severity="error">{messageOf(actionError)}</Alert>
          </Box>
        )}
        <Box mt={2}>
          <FleetUpgradeTenantsTable
            tenants={upgrade.tenants}
            retrying={retrying}
            onRetry={upgrade.status === 'cancelled' ? undefined : retryTenant}
          />
        </Box>
      </>
    );
  }

  return (
    <Box mt={3}>
      <InfoCard
        title="Fleet upgrade"
        subheader="Roll a version to every ready tenant: a canary first, then growing waves"
      >
        <FleetUpgradeForm disabled={underWay} onStart={start} />
        <Box mt={3}>{current}</Box>
      </InfoCard>
    </Box>
  );
};

/** The fleet upgrade section, for those who may roll a version to every tenant. */
export const FleetUpgradePanel = () => {
  const { allowed, loading } = usePermission({
    permission: tenantFleetUpgradePermission,
  });
  if (loading || !allowed) return null;
  return <FleetUpgradeSection />;
};
