import {
  Link,
  LinkButton,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  tenantCreatePermission,
  TenantStatus,
} from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import AddIcon from '@material-ui/icons/Add';
import { useTenants } from '../../hooks/useTenants';
import { NEW_SERVICE_PATH, NEW_TENANT_PATH, rootRouteRef } from '../../routes';
import { TenantStatusChip } from '../TenantStatusChip';

/** The statuses worth a count on the home page, in the order they show. */
const SHOWN: TenantStatus[] = [
  'ready',
  'provisioning',
  'upgrading',
  'failed',
  'needs-cleanup',
  'deleting',
];

/**
 * For the home page: "create a tenant" (for those who may) and "create a
 * service", and how many tenants are in each status.
 */
export const TenantsHomeWidget = () => {
  const { value: tenants, loading, error } = useTenants({});
  const { allowed: mayCreateTenant } = usePermission({
    permission: tenantCreatePermission,
  });
  const tenantsLink = useRouteRef(rootRouteRef)?.();
  const counts = SHOWN.map(status => ({
    status,
    count: (tenants ?? []).filter(tenant => tenant.status === status).length,
  })).filter(({ count }) => count > 0);

  return (
    <>
      <Box display="flex" gridGap={8} flexWrap="wrap" mb={2}>
        {mayCreateTenant && (
          <LinkButton
            to={NEW_TENANT_PATH}
            variant="contained"
            color="primary"
            startIcon={<AddIcon />}
          >
            Create a tenant
          </LinkButton>
        )}
        <LinkButton to={NEW_SERVICE_PATH} variant="outlined" color="primary">
          Create a service
        </LinkButton>
      </Box>
      {loading && !tenants && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {tenants && counts.length === 0 && (
        <Typography variant="body2" color="textSecondary">
          No tenants yet.
        </Typography>
      )}
      {counts.length > 0 && (
        <ul aria-label="Tenants by status">
          {counts.map(({ status, count }) => (
            <li key={status}>
              {count} <TenantStatusChip status={status} />
            </li>
          ))}
        </ul>
      )}
      {tenantsLink && <Link to={tenantsLink}>All tenants</Link>}
    </>
  );
};
