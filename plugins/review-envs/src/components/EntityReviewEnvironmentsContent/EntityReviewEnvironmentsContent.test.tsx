import { renderInTestApp } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import { screen } from '@testing-library/react';
import { reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { mockReviewEnvsApi } from '../../__testUtils__/mockReviewEnvsApi';
import { EntityReviewEnvironmentsContent } from './EntityReviewEnvironmentsContent';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(() => ({ loading: false, allowed: false })),
}));

const environment = (
  repository: string,
  pullRequest: number,
): ReviewEnvironment => ({
  id: `${repository.replace('/', '-')}-pr-${pullRequest}`,
  repository,
  pullRequest,
  title: `Change ${pullRequest}`,
  branch: `change-${pullRequest}`,
  headSha: 'a'.repeat(40),
  author: 'ada',
  state: 'ready',
  stateReason: null,
  url: null,
  deployedSha: null,
  keep: false,
  target: 'local',
  createdAt: new Date().toISOString(),
  lastActivityAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  lastDeployAt: null,
});

it("shows only the environments of the component's repository", async () => {
  const api = mockReviewEnvsApi();
  api.listEnvironments.mockResolvedValue([
    environment('example-org/workspace-web', 1),
    environment('example-org/workspace-api', 2),
  ]);

  await renderInTestApp(
    <EntityProvider
      entity={{
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'workspace-web',
          annotations: {
            'github.com/project-slug': 'example-org/workspace-web',
          },
        },
        spec: { type: 'website', lifecycle: 'production', owner: 'frontend' },
      }}
    >
      <EntityReviewEnvironmentsContent />
    </EntityProvider>,
    { apis: [[reviewEnvsApiRef, api]] },
  );

  expect(await screen.findByText('#1 Change 1')).toBeInTheDocument();
  expect(screen.queryByText('#2 Change 2')).not.toBeInTheDocument();
});
