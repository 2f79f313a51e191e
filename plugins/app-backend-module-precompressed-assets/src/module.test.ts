import { readFileSync, rmSync } from 'node:fs';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { join } from 'node:path';
import { appModulePrecompressedAssets } from './module';
import { precompressedFolder, rawRequest, scriptOf } from './testUtils';

const staticDir = { current: '' };
jest.mock('@backstage/backend-plugin-api', () => {
  const actual = jest.requireActual('@backstage/backend-plugin-api');
  return {
    ...actual,
    // The app package named in config, built into a folder of the test's.
    resolvePackagePath: (name: string, ...paths: string[]) =>
      name === 'portal-app' && paths.join('/') === 'dist/static'
        ? staticDir.current
        : actual.resolvePackagePath(name, ...paths),
  };
});

describe('appModulePrecompressedAssets', () => {
  afterEach(() => rmSync(staticDir.current, { recursive: true, force: true }));

  it('serves the copies through the root router, which does not compress them again', async () => {
    const name = 'main.0a1b2c3d.js';
    staticDir.current = precompressedFolder({ [name]: scriptOf(30) });
    const { server } = await startTestBackend({
      features: [
        appModulePrecompressedAssets,
        mockServices.rootConfig.factory({
          data: { app: { packageName: 'portal-app' } },
        }),
      ],
    });

    const res = await rawRequest(server, `/static/${name}`, {
      headers: { 'Accept-Encoding': 'gzip, br' },
    });

    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.body).toEqual(
      readFileSync(join(staticDir.current, `${name}.br`)),
    );
  });
});
