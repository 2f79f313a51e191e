import { Table, TableColumn } from '@backstage/core-components';
import { TenantHistoryEntry } from '../../api/TenantScaffolderApi';
import { formatDateTime } from '../../format/formatDate';
import { compactTableOptions } from './compactTableOptions';

const columns: TableColumn<TenantHistoryEntry>[] = [
  { title: 'When', field: 'at', render: row => formatDateTime(row.at) },
  { title: 'Who', field: 'actor' },
  { title: 'What', field: 'action' },
  { title: 'Detail', field: 'detail', render: row => row.detail ?? '' },
];

/** Who changed what, newest first. */
export const TenantHistoryTable = ({
  entries,
  loading,
}: {
  entries: TenantHistoryEntry[];
  loading?: boolean;
}) => (
  <Table<TenantHistoryEntry>
    title="History"
    isLoading={loading}
    options={{ ...compactTableOptions(entries.length), sorting: false }}
    columns={columns}
    data={entries}
  />
);
