import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { TenantDetails } from '../../api/TenantScaffolderApi';
import { formatDateTime } from '../../format/formatDate';
import { formatPlan } from '../../format/formatPlan';
import { TenantStatusChip } from '../TenantStatusChip';

export const TenantDetailsCard = ({ tenant }: { tenant: TenantDetails }) => (
  <InfoCard title="Details">
    <StructuredMetadataTable
      metadata={{
        name: tenant.name,
        slug: tenant.slug,
        plan: formatPlan(tenant.plan),
        status: <TenantStatusChip status={tenant.status} />,
        version: tenant.version || '–',
        region: tenant.region,
        owner: tenant.owner,
        'live resources': `${tenant.ledger.live} (${tenant.ledger.removed} removed)`,
        created: formatDateTime(tenant.createdAt),
        updated: formatDateTime(tenant.updatedAt),
      }}
    />
  </InfoCard>
);
