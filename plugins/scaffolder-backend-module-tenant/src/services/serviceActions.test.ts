import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { execFileSync } from 'node:child_process';
import { createPublishLocalGitAction } from './publishLocalGit';
import { createRegisterPublishedLocationAction } from './registerPublishedLocation';

describe('New service actions on the embedded default', () => {
  const directory = createMockDirectory();

  beforeEach(() => {
    directory.setContent({
      workspace: {
        'catalog-info.yaml': 'kind: Component\nmetadata:\n  name: invoices\n',
        src: { 'index.ts': 'export {};\n' },
      },
    });
  });

  it('publishes the workspace as a new local git repository, and refuses one that exists', async () => {
    const action = createPublishLocalGitAction({
      repositoriesDir: directory.resolve('repositories'),
    });
    const ctx = createMockActionContext({
      input: { name: 'invoices' },
      workspacePath: directory.resolve('workspace'),
    });
    await action.handler(ctx as any);

    const repository = directory.resolve('repositories/invoices');
    expect(ctx.output).toHaveBeenCalledWith('repositoryPath', repository);
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoPath',
      `${repository}/catalog-info.yaml`,
    );
    const files = execFileSync('git', ['-C', repository, 'ls-files'], {
      encoding: 'utf8',
    });
    expect(files.split('\n').filter(Boolean)).toEqual([
      'catalog-info.yaml',
      'src/index.ts',
    ]);

    await expect(action.handler(ctx as any)).rejects.toThrow(/already exists/);
    await expect(
      action.handler(
        createMockActionContext({ input: { name: '../escape' } }) as any,
      ),
    ).rejects.toThrow(/lower-case/);
  });

  it('registers a published catalog-info.yaml, local or on GitHub, with the scaffolder own credentials', async () => {
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async () => ({
        location: { id: '1', type: 'file', target: '/x' },
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: { name: 'invoices' },
          },
        ],
      })) as any,
    });
    const action = createRegisterPublishedLocationAction({
      catalog,
      auth: mockServices.auth(),
    });
    const path = directory.resolve('workspace/catalog-info.yaml');
    const ctx = createMockActionContext({ input: { path } });
    await action.handler(ctx as any);

    expect(catalog.addLocation).toHaveBeenCalledWith(
      { type: 'file', target: path },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'service' }),
        }),
      },
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'component:default/invoices',
    );
    await expect(
      action.handler(
        createMockActionContext({ input: { path: 'relative.yaml' } }) as any,
      ),
    ).rejects.toThrow(/absolute/);

    const url = 'https://github.com/acme/invoices/blob/main/catalog-info.yaml';
    await action.handler(createMockActionContext({ input: { url } }) as any);
    expect(catalog.addLocation).toHaveBeenLastCalledWith(
      { type: 'url', target: url },
      {
        credentials: expect.objectContaining({
          principal: expect.objectContaining({ type: 'service' }),
        }),
      },
    );
    await expect(
      action.handler(createMockActionContext({ input: { url, path } }) as any),
    ).rejects.toThrow('give either url or path, not both or neither');
  });
});
