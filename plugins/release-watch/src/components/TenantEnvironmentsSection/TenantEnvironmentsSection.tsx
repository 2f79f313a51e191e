import {
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { EnvironmentFigures } from '@internal/plugin-release-watch-common';
import Box from '@material-ui/core/Box';
import { RangeQuery } from '../../api/ReleaseWatchApi';
import { formatDateTime } from '../../format/formatDate';
import { formatNumber, formatValue, NO_VALUE } from '../../format/formatValue';
import { useEnvironments } from '../../hooks/useEnvironments';

const PAGE_SIZE = 20;

const columns: TableColumn<EnvironmentFigures>[] = [
  { title: 'Environment', field: 'environment', highlight: true },
  {
    title: 'Deploys per week',
    field: 'deploysPerWeek',
    type: 'numeric',
    render: row => formatNumber(row.deploysPerWeek),
  },
  {
    title: 'Deployments',
    field: 'deployments',
    type: 'numeric',
  },
  {
    title: 'Change failure rate',
    field: 'changeFailureRate',
    type: 'numeric',
    render: row => formatValue(row.changeFailureRate, '%'),
  },
  { title: 'Incidents', field: 'incidents', type: 'numeric' },
  {
    title: 'Last version',
    field: 'lastVersion',
    render: row => row.lastVersion ?? NO_VALUE,
  },
  {
    title: 'Last deployed',
    field: 'lastDeployedAt',
    render: row =>
      row.lastDeployedAt ? formatDateTime(row.lastDeployedAt) : NO_VALUE,
  },
];

/**
 * Every production environment side by side (each tenant has its own,
 * `tenant-<slug>`): deploys per week and change failure rate over the
 * range, and the version deployed last.
 */
export const TenantEnvironmentsSection = (props: { range: RangeQuery }) => {
  const { from, to } = props.range;
  const { value, loading, error } = useEnvironments({ from, to });
  const environments = value?.environments ?? [];

  return (
    <Box mt={4} component="section" aria-label="Tenants" aria-busy={loading}>
      <ContentHeader
        title="Tenants"
        description="Each production environment (one per tenant) side by side, over the range"
      />
      {loading && <Progress />}
      {error && !loading && <ResponseErrorPanel error={error} />}
      {value && !loading && environments.length === 0 && (
        <EmptyState
          missing="data"
          title="No deployments reported yet"
          description="Production deployments appear here per environment once a tenant is provisioned or upgraded, or a pipeline pushes a deployment event."
        />
      )}
      {value && !loading && environments.length > 0 && (
        <Table<EnvironmentFigures>
          title={`${environments.length} production environment${
            environments.length === 1 ? '' : 's'
          }`}
          options={{
            draggable: false,
            paging: environments.length > PAGE_SIZE,
            pageSize: PAGE_SIZE,
            search: environments.length > PAGE_SIZE,
            padding: 'dense',
          }}
          columns={columns}
          data={environments}
        />
      )}
    </Box>
  );
};
