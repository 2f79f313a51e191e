import { Content, InfoCard } from '@backstage/core-components';

export const TenantScaffolderPage = () => (
  <Content>
    <InfoCard title="Tenants">
      <p>
        Create customer tenants and services from the scaffolder, and keep the
        tenant registry.
      </p>
    </InfoCard>
  </Content>
);
