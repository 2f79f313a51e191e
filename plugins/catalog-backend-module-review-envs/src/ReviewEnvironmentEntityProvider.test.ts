import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { reviewEnvironment } from '@internal/plugin-review-envs-common/testUtils';
import { ReviewEnvironmentEntityProvider } from './ReviewEnvironmentEntityProvider';

// The author as GitHub spells the login; the owner is the catalog User.
const base = reviewEnvironment({ author: 'Ada' });

describe('ReviewEnvironmentEntityProvider', () => {
  it('replaces its whole set with one Resource per live environment, owned by the author', async () => {
    const connection = { applyMutation: jest.fn(), refresh: jest.fn() };
    const taskRunner: SchedulerServiceTaskRunner = { run: jest.fn() };
    const findComponent = jest.fn(async (repository: string) =>
      repository === 'acme/web' ? 'component:default/workspace-web' : undefined,
    );
    const provider = new ReviewEnvironmentEntityProvider({
      taskRunner,
      loadEnvironments: async () => [
        base,
        {
          ...base,
          id: 'acme-api-pr-7',
          repository: 'acme/api',
          pullRequest: 7,
          url: null,
          state: 'pending',
        },
        { ...base, id: 'acme-web-pr-1', pullRequest: 1, state: 'gone' },
      ],
      findComponent,
      logger: mockServices.logger.mock(),
    });

    await provider.connect(connection);
    expect(taskRunner.run).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'review-envs-entity-provider' }),
    );
    await provider.refresh();

    expect(findComponent).toHaveBeenCalledTimes(2);
    const [mutation] = connection.applyMutation.mock.calls[0];
    expect(mutation.type).toBe('full');
    const entities = mutation.entities.map(
      (e: { entity: unknown }) => e.entity,
    );
    expect(entities).toEqual([
      expect.objectContaining({
        kind: 'Resource',
        metadata: expect.objectContaining({
          name: 'acme-web-pr-42',
          links: [
            { url: 'http://127.0.0.1:41234', title: 'Review environment' },
          ],
          tags: ['review-environment', 'ready'],
        }),
        spec: {
          type: 'review-environment',
          owner: 'user:default/ada',
          dependencyOf: ['component:default/workspace-web'],
        },
      }),
      expect.objectContaining({
        metadata: expect.objectContaining({ name: 'acme-api-pr-7', links: [] }),
        spec: { type: 'review-environment', owner: 'user:default/ada' },
      }),
    ]);
  });
});
