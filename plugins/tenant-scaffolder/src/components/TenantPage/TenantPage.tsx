import {
  Content,
  ContentHeader,
  Link,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { tenantUpdatePermission } from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { messageOf } from '../../api/errors';
import { RegisteredTenant } from '../../api/TenantScaffolderApi';
import {
  useTenant,
  useTenantHistory,
  useTenantLedger,
} from '../../hooks/useTenant';
import { rootRouteRef } from '../../routes';
import { TenantSettingsForm } from '../TenantSettingsForm';
import { TenantActions } from './TenantActions';
import { TenantDetailsCard } from './TenantDetailsCard';
import { TenantHistoryTable } from './TenantHistoryTable';
import { TenantLedgerTable } from './TenantLedgerTable';
import { TenantReleaseWatchCard } from './TenantReleaseWatchCard';

/** One tenant: details, settings, plan and deletion, history and ledger. */
export const TenantPage = () => {
  const { slug = '' } = useParams();
  const tenantsRoute = useRouteRef(rootRouteRef);
  const { tenant, loading, error, reload, replace } = useTenant(slug);
  const history = useTenantHistory(slug);
  const ledger = useTenantLedger(slug);
  const { allowed: mayUpdate } = usePermission({
    permission: tenantUpdatePermission,
  });
  const [actionError, setActionError] = useState<unknown>();
  const reloadHistory = history.retry;

  const changed = useCallback(
    (updated: RegisteredTenant) => {
      replace(updated);
      reloadHistory();
    },
    [replace, reloadHistory],
  );

  const back = (
    <Link to={tenantsRoute ? tenantsRoute() : '/tenants'}>All tenants</Link>
  );

  if (!tenant) {
    return (
      <Content>
        {back}
        {loading ? <Progress /> : null}
        {error && <ResponseErrorPanel error={error} />}
      </Content>
    );
  }

  return (
    <Content>
      {back}
      <ContentHeader title={tenant.name} description={tenant.slug}>
        <TenantActions
          tenant={tenant}
          onChanged={changed}
          onError={setActionError}
        />
      </ContentHeader>
      {actionError !== undefined && (
        <Box mb={2}>
          <Alert severity="error">{messageOf(actionError)}</Alert>
        </Box>
      )}
      <Grid container spacing={3}>
        <Grid item xs={12} md={4}>
          <TenantDetailsCard tenant={tenant} />
          <Box mt={3}>
            <TenantReleaseWatchCard slug={tenant.slug} />
          </Box>
        </Grid>
        <Grid item xs={12} md={8}>
          <TenantSettingsForm
            tenant={tenant}
            canEdit={Boolean(mayUpdate)}
            onSaved={changed}
            onReload={reload}
          />
        </Grid>
        <Grid item xs={12}>
          {history.error ? (
            <ResponseErrorPanel error={history.error} title="History" />
          ) : (
            <TenantHistoryTable
              entries={history.value ?? []}
              loading={history.loading}
            />
          )}
        </Grid>
        <Grid item xs={12}>
          {ledger.error ? (
            <ResponseErrorPanel error={ledger.error} title="Ledger" />
          ) : (
            <TenantLedgerTable
              entries={ledger.value ?? []}
              loading={ledger.loading}
            />
          )}
        </Grid>
      </Grid>
    </Content>
  );
};
