import { Table, TableColumn } from '@backstage/core-components';
import { TenantHistoryEntry } from '../../api/TenantScaffolderApi';
import { formatDateTime } from '../../format/formatDate';

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
    options={{
      paging: entries.length > 10,
      pageSize: 10,
      padding: 'dense',
      search: false,
      sorting: false,
    }}
    columns={columns}
    data={entries}
  />
);
