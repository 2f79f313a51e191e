import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { reviewEnvironment } from '@internal/plugin-review-envs-common/testUtils';
import { Octokit } from '@octokit/rest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { GithubDeploymentReporter } from './GithubDeploymentReporter';

const API = 'https://api.github.com';

const environment = reviewEnvironment();

describe('GithubDeploymentReporter', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  const reporter = new GithubDeploymentReporter({
    repositories: ['acme/web'],
    octokitFor: async () =>
      new Octokit({
        auth: 'test-token',
        baseUrl: API,
        request: { retries: 0 },
      }),
  });

  it('deploys the head commit to review/pr-<n> and marks it successful with the URL', async () => {
    const calls: Array<{ path: string; body: unknown }> = [];
    server.use(
      http.post(`${API}/repos/acme/web/deployments`, async ({ request }) => {
        calls.push({ path: 'deployments', body: await request.json() });
        return HttpResponse.json({ id: 77 }, { status: 201 });
      }),
      http.post(
        `${API}/repos/acme/web/deployments/77/statuses`,
        async ({ request }) => {
          calls.push({ path: 'statuses', body: await request.json() });
          return HttpResponse.json({ id: 1 }, { status: 201 });
        },
      ),
    );

    await reporter.report(environment, {
      state: 'success',
      url: environment.url!,
    });

    expect(calls).toEqual([
      {
        path: 'deployments',
        body: expect.objectContaining({
          ref: 'a'.repeat(40),
          environment: 'review/pr-42',
          transient_environment: true,
          required_contexts: [],
        }),
      },
      {
        path: 'statuses',
        body: expect.objectContaining({
          state: 'success',
          environment_url: 'http://127.0.0.1:41234',
        }),
      },
    ]);
  });

  it('marks the latest deployment inactive on teardown, and leaves other repositories alone', async () => {
    const statuses: unknown[] = [];
    server.use(
      http.get(`${API}/repos/acme/web/deployments`, ({ request }) => {
        expect(new URL(request.url).searchParams.get('environment')).toBe(
          'review/pr-42',
        );
        return HttpResponse.json([{ id: 78 }]);
      }),
      http.post(
        `${API}/repos/acme/web/deployments/78/statuses`,
        async ({ request }) => {
          statuses.push(await request.json());
          return HttpResponse.json({ id: 2 }, { status: 201 });
        },
      ),
    );

    await reporter.report(environment, {
      state: 'inactive',
      description: 'the pull request was closed',
    });
    await reporter.report(
      { ...environment, repository: 'local/developer-portal' },
      { state: 'inactive', description: 'gone' },
    );

    expect(statuses).toEqual([
      expect.objectContaining({
        state: 'inactive',
        description: 'the pull request was closed',
      }),
    ]);
  });
});
