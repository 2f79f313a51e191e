import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskRunner } from '@backstage/backend-plugin-api';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import { ReviewEnvironmentEntityProvider } from './ReviewEnvironmentEntityProvider';

const base: ReviewEnvironment = {
  id: 'acme-web-pr-42',
  repository: 'acme/web',
  pullRequest: 42,
  title: 'Invoice export',
  branch: 'feature/export',
  headSha: 'a'.repeat(40),
  author: 'Ada',
  state: 'ready',
  stateReason: null,
  url: 'http://127.0.0.1:41234',
  deployedSha: 'a'.repeat(40),
  keep: false,
  target: 'local',
  createdAt: '2026-11-22T10:00:00.000Z',
  lastActivityAt: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-24T10:00:00.000Z',
  lastDeployAt: '2026-11-22T10:01:00.000Z',
};

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
