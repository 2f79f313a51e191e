import { Link, Table, TableColumn } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { ReactNode } from 'react';
import { RegisteredTenant } from '../../api/TenantScaffolderApi';
import { formatDateTime } from '../../format/formatDate';
import { formatPlan } from '../../format/formatPlan';
import { tenantRouteRef } from '../../routes';
import { TenantStatusChip } from '../TenantStatusChip';

/** The tenants, a row each, the slug linking to the tenant's page. */
export const TenantsTable = ({
  tenants,
  emptyContent,
}: {
  tenants: RegisteredTenant[];
  emptyContent?: ReactNode;
}) => {
  const tenantRoute = useRouteRef(tenantRouteRef);
  const tenantPath = (slug: string) =>
    tenantRoute
      ? tenantRoute({ slug })
      : `/tenants/${encodeURIComponent(slug)}`;

  const columns: TableColumn<RegisteredTenant>[] = [
    { title: 'Name', field: 'name', highlight: true },
    {
      title: 'Slug',
      field: 'slug',
      render: row => <Link to={tenantPath(row.slug)}>{row.slug}</Link>,
    },
    {
      title: 'Plan',
      field: 'plan.kind',
      render: row => formatPlan(row.plan),
    },
    {
      title: 'Status',
      field: 'status',
      render: row => <TenantStatusChip status={row.status} />,
    },
    { title: 'Version', field: 'version', render: row => row.version || '–' },
    { title: 'Region', field: 'region' },
    { title: 'Owner', field: 'owner' },
    {
      title: 'Updated',
      field: 'updatedAt',
      defaultSort: 'desc',
      render: row => formatDateTime(row.updatedAt),
    },
  ];

  return (
    <Table<RegisteredTenant>
      title={`Tenants (${tenants.length})`}
      options={{
        paging: tenants.length > 20,
        pageSize: 20,
        padding: 'dense',
        // Column dragging wraps each sort button in a second one (nested-interactive).
        draggable: false,
      }}
      columns={columns}
      data={tenants}
      emptyContent={emptyContent}
    />
  );
};
