import { describeOnPostgres } from '@internal/backend-plugin-utils';
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
import { knex } from 'knex';
import request from 'supertest';
import { reviewEnvsPlugin } from './plugin';
import { postgresDatabaseConfig } from './__testUtils__/postgresDatabaseConfig';

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

  async function startPortal(database?: object) {
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
              ...(database ? { database } : {}),
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
    // A task cannot open a SQLite file on the portal's disk: no database
    // unless PostgreSQL is configured.
    expect(
      register.body.containerDefinitions[0].environment,
    ).not.toContainEqual(expect.objectContaining({ name: 'DATABASE_URL' }));
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

  describeOnPostgres(
    'with PostgreSQL for environment databases',
    postgresUrl => {
      it('gives the task its own PostgreSQL database as DATABASE_URL, on the host tasks reach, and drops it at teardown', async () => {
        const admin = new URL(postgresUrl);
        const server = await startPortal({
          ...postgresDatabaseConfig(postgresUrl),
          environmentHost: 'db.review.internal',
        });
        const pr = pullRequestSnapshot({
          number: 9107,
          headSha: 'd'.repeat(40),
          labels: ['review'],
        });
        const name = 'review_acme_web_pr_9107';
        const exists = async () => {
          const pg = knex({ client: 'pg', connection: postgresUrl });
          try {
            const { rows } = await pg.raw(
              'SELECT 1 FROM pg_database WHERE datname = ? UNION ALL SELECT 1 FROM pg_roles WHERE rolname = ?',
              [name, name],
            );
            return rows.length;
          } finally {
            await pg.destroy();
          }
        };

        await request(server)
          .post('/api/review-envs/pull-requests')
          .set('Authorization', CI)
          .send(pr);
        await waitForState(server, 'acme-web-pr-9107', 'ready');
        const register = ecs.calls.filter(
          call => call.operation === 'RegisterTaskDefinition',
        );
        const environment =
          register[register.length - 1].body.containerDefinitions[0]
            .environment;
        const databaseUrl = environment.find(
          (variable: { name: string }) => variable.name === 'DATABASE_URL',
        ).value;
        expect(databaseUrl).toMatch(
          new RegExp(
            `^postgresql://${name}:[^@]+@db.review.internal:${Number(
              admin.port || 5432,
            )}/${name}$`,
          ),
        );
        expect(await exists()).toBe(2);

        await request(server)
          .post('/api/review-envs/pull-requests')
          .set('Authorization', CI)
          .send({ ...pr, labels: [] });
        await waitForState(server, 'acme-web-pr-9107', 'gone');
        expect(await exists()).toBe(0);
      });
    },
  );
});
