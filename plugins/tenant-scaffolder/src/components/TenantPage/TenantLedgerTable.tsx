import { Table, TableColumn } from '@backstage/core-components';
import { TenantLedgerEntry } from '@internal/plugin-tenant-scaffolder-common';
import { formatDateTime } from '../../format/formatDate';
import { compactTableOptions } from './compactTableOptions';

const columns: TableColumn<TenantLedgerEntry>[] = [
  { title: 'Step', field: 'step' },
  { title: 'Type', field: 'resourceType' },
  { title: 'Resource', field: 'resourceId', highlight: true },
  {
    title: 'Details',
    field: 'details',
    sorting: false,
    render: row =>
      Object.entries(row.details)
        .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
        .join(', '),
  },
  {
    title: 'Created',
    field: 'createdAt',
    render: row => formatDateTime(row.createdAt),
  },
  {
    title: 'Removed',
    field: 'removedAt',
    render: row => (row.removedAt ? formatDateTime(row.removedAt) : 'live'),
  },
];

/** The resources provisioning made for the tenant: deletion removes exactly these. */
export const TenantLedgerTable = ({
  entries,
  loading,
}: {
  entries: TenantLedgerEntry[];
  loading?: boolean;
}) => (
  <Table<TenantLedgerEntry>
    title="Provisioned resources"
    isLoading={loading}
    options={compactTableOptions(entries.length)}
    columns={columns}
    data={entries}
  />
);
