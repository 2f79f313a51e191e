import { Content, InfoCard } from '@backstage/core-components';

export const ReviewEnvsPage = () => (
  <Content>
    <InfoCard title="Review Environments">
      <p>
        Per-PR review environments and the lock on the shared staging
        environment.
      </p>
    </InfoCard>
  </Content>
);
