import { mockServices } from '@backstage/backend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createOctokit } from './createOctokit';

const API = 'https://github.example.com/api/v3';

describe('createOctokit', () => {
  const server = setupServer();
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());

  const octokit = () =>
    createOctokit({
      auth: 'test-token',
      baseUrl: API,
      logger: mockServices.logger.mock(),
      retryAfterBaseSeconds: 0.01,
    });

  it('calls the configured API with the token, and retries server errors', async () => {
    const seen: Array<string | null> = [];
    server.use(
      http.get(`${API}/repos/acme/web`, ({ request }) => {
        seen.push(request.headers.get('authorization'));
        return seen.length < 3
          ? new HttpResponse(null, { status: 502 })
          : HttpResponse.json({ full_name: 'acme/web' });
      }),
    );

    const { data } = await octokit().rest.repos.get({
      owner: 'acme',
      repo: 'web',
    });

    expect(data.full_name).toBe('acme/web');
    expect(seen).toEqual(Array(3).fill('token test-token'));
  });

  it('does not retry what a retry cannot fix', async () => {
    let calls = 0;
    server.use(
      http.get(`${API}/repos/acme/gone`, () => {
        calls++;
        return HttpResponse.json({ message: 'Not Found' }, { status: 404 });
      }),
    );

    await expect(
      octokit().rest.repos.get({ owner: 'acme', repo: 'gone' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(1);
  });

  it('waits out a secondary rate limit, telling the logger', async () => {
    const logger = mockServices.logger.mock();
    let calls = 0;
    server.use(
      http.get(`${API}/repos/acme/busy`, () =>
        ++calls === 1
          ? HttpResponse.json(
              { message: 'You have exceeded a secondary rate limit.' },
              { status: 403, headers: { 'retry-after': '1' } },
            )
          : HttpResponse.json({ full_name: 'acme/busy' }),
      ),
    );

    const { data } = await createOctokit({
      baseUrl: API,
      logger,
    }).rest.repos.get({ owner: 'acme', repo: 'busy' });

    expect(data.full_name).toBe('acme/busy');
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('secondary rate limit'),
    );
  });
});
