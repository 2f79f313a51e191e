import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import {
  FAKE_AWS_INTEGRATION,
  FakeEcsServer,
  fakeEcsTargetBlock,
} from '@internal/backend-deploy-targets/testUtils';
import { pullRequestSnapshot } from '@internal/plugin-review-envs-common/testUtils';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';

jest.setTimeout(30_000);

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web';
const ADA = mockCredentials.user.header('user:default/ada');
const CI = mockCredentials.service.header();

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('review environments on the ECS target', () => {
  const ecs = new FakeEcsServer();
  let endpoint: string;

  beforeAll(async () => {
    endpoint = await ecs.start();
  });
  afterAll(() => ecs.stop());

  async function startPortal() {
    const { server } = await startTestBackend({
      features: [
        reviewEnvsPlugin,
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        mockServices.scheduler.factory(),
        mockServices.rootConfig.factory({
          data: {
            aws: FAKE_AWS_INTEGRATION,
            reviewEnvs: {
              target: 'ecs',
              ecs: fakeEcsTargetBlock(endpoint, {
                repositories: [{ name: 'acme/web', image: IMAGE }],
              }),
            },
          },
        }),
      ],
    });
    return server;
  }

  async function waitForState(
    server: Parameters<typeof request>[0],
    id: string,
    state: string,
  ) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const response = await request(server)
        .get(`/api/review-envs/environments/${id}`)
        .set('Authorization', ADA);
      if (response.body.state === state) return response.body;
      await new Promise(done => setTimeout(done, 50));
    }
    throw new Error(`${id} never became ${state}`);
  }

  const pullRequest = (labels: string[]) =>
    pullRequestSnapshot({ number: 7, headSha: 'c'.repeat(40), labels });

  it('deploys a labelled pull request as an ECS service with the AWS integration credentials, and tears it down', async () => {
    const server = await startPortal();

    const observed = await request(server)
      .post('/api/review-envs/pull-requests')
      .set('Authorization', CI)
      .send(pullRequest(['review']));
    expect(observed.status).toBe(202);

    const ready = await waitForState(server, 'acme-web-pr-7', 'ready');
    expect(ready).toMatchObject({
      target: 'ecs',
      url: `${endpoint}/apps/acme-web-pr-7`,
      deployedSha: 'c'.repeat(40),
    });
    const register = ecs.calls.find(
      call => call.operation === 'RegisterTaskDefinition',
    )!;
    expect(register.body.containerDefinitions[0].image).toBe(
      `${IMAGE}:${'c'.repeat(40)}`,
    );
    expect(register.headers.authorization).toMatch(
      /Credential=AKIAFAKEFORTESTS\/\d+\/eu-west-1\/ecs\/aws4_request/,
    );

    await request(server)
      .post('/api/review-envs/pull-requests')
      .set('Authorization', CI)
      .send(pullRequest([]));
    await waitForState(server, 'acme-web-pr-7', 'gone');
    expect(ecs.service('acme-web-pr-7')!.status).not.toBe('ACTIVE');
    expect(ecs.activeTaskDefinitions()).toEqual([]);
  });
});
