import { Content, InfoCard } from '@backstage/core-components';

export const ReleaseWatchPage = () => (
  <Content>
    <InfoCard title="Release Watch">
      <p>
        Time-to-production, CI feedback time and DORA metrics, charted against
        OKR targets.
      </p>
    </InfoCard>
  </Content>
);
