import {
  Content,
  ContentHeader,
  EmptyState,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { usePermission } from '@backstage/plugin-permission-react';
import { tenantCreatePermission } from '@internal/plugin-tenant-scaffolder-common';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { useState } from 'react';
import { TenantListQuery } from '../../api/TenantScaffolderApi';
import { useTenants } from '../../hooks/useTenants';
import { NEW_TENANT_PATH } from '../../routes';
import { FleetUpgradePanel } from '../FleetUpgradePanel';
import { TenantFilters } from './TenantFilters';
import { TenantsTable } from './TenantsTable';

const NewTenantButton = () => (
  <LinkButton
    to={NEW_TENANT_PATH}
    variant="contained"
    color="primary"
    startIcon={<AddIcon />}
  >
    New tenant
  </LinkButton>
);

/** Every tenant, filtered by status and plan, and the fleet upgrade for admins. */
export const TenantsListPage = () => {
  const [query, setQuery] = useState<TenantListQuery>({});
  const { value: tenants, loading, error } = useTenants(query);
  const { allowed: mayCreate } = usePermission({
    permission: tenantCreatePermission,
  });
  const filtered = Boolean(query.status || query.plan);

  let body;
  if (loading && !tenants) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (tenants && tenants.length === 0 && !filtered) {
    body = (
      <EmptyState
        missing="data"
        title="No tenants yet"
        description="Tenants appear here once the New tenant template has registered them."
        action={mayCreate ? <NewTenantButton /> : undefined}
      />
    );
  } else {
    body = (
      <TenantsTable
        tenants={tenants ?? []}
        emptyContent={
          <Typography style={{ padding: 16 }}>
            No tenants match these filters.
          </Typography>
        }
      />
    );
  }

  return (
    <Content>
      <ContentHeader title="Tenants">
        {mayCreate && <NewTenantButton />}
      </ContentHeader>
      <TenantFilters query={query} onChange={setQuery} />
      {body}
      <FleetUpgradePanel />
    </Content>
  );
};
