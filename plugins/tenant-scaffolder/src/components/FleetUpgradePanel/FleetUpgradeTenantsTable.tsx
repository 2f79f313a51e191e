import { Table, TableColumn } from '@backstage/core-components';
import { FleetUpgradeTenant } from '@internal/plugin-tenant-scaffolder-common';
import Button from '@material-ui/core/Button';
import { FleetUpgradeTenantStatusChip } from '../TenantStatusChip';

/** Each tenant's part in the upgrade; failed ones can be retried alone. */
export const FleetUpgradeTenantsTable = ({
  tenants,
  retrying,
  onRetry,
}: {
  tenants: FleetUpgradeTenant[];
  /** Slugs whose retry is being sent. */
  retrying: ReadonlySet<string>;
  onRetry?: (slug: string) => void;
}) => {
  const columns: TableColumn<FleetUpgradeTenant>[] = [
    { title: 'Slug', field: 'slug', highlight: true },
    {
      title: 'Wave',
      field: 'wave',
      type: 'numeric',
      render: row => (row.wave === 0 ? '0 (canary)' : row.wave),
    },
    {
      title: 'Status',
      field: 'status',
      render: row => <FleetUpgradeTenantStatusChip status={row.status} />,
    },
    { title: 'From version', field: 'fromVersion' },
    { title: 'Attempts', field: 'attempts', type: 'numeric' },
    { title: 'Error', field: 'error', render: row => row.error ?? '' },
    {
      title: '',
      field: 'slug',
      sorting: false,
      render: row =>
        row.status === 'failed' && onRetry ? (
          <Button
            size="small"
            variant="outlined"
            aria-label={`Retry ${row.slug}`}
            disabled={retrying.has(row.slug)}
            onClick={() => onRetry(row.slug)}
          >
            Retry
          </Button>
        ) : null,
    },
  ];

  return (
    <Table<FleetUpgradeTenant>
      title="Tenants in this upgrade"
      options={{
        // Column dragging wraps each sort button in a second one (nested-interactive).
        draggable: false,
        paging: tenants.length > 20,
        pageSize: 20,
        padding: 'dense',
        search: tenants.length > 20,
      }}
      columns={columns}
      data={tenants}
    />
  );
};
