import { pullRequestFromWebhook } from './pullRequestFromWebhook';

describe('pullRequestFromWebhook', () => {
  const payload = {
    action: 'closed',
    repository: { full_name: 'acme/web' },
    pull_request: {
      number: 9,
      title: 'Dark mode',
      state: 'closed',
      updated_at: '2026-11-22T10:15:00Z',
      head: { ref: 'dark-mode', sha: 'c'.repeat(40) },
      base: { ref: 'main' },
      user: { login: 'grace' },
      labels: [{ name: 'review' }, { name: 'keep' }],
    },
  };

  it('reads the whole pull request, whatever the action', () => {
    expect(pullRequestFromWebhook(payload)).toEqual({
      repository: 'acme/web',
      number: 9,
      title: 'Dark mode',
      branch: 'dark-mode',
      baseBranch: 'main',
      headSha: 'c'.repeat(40),
      author: 'grace',
      open: false,
      labels: ['review', 'keep'],
      updatedAt: '2026-11-22T10:15:00Z',
    });
  });

  it('leaves the base branch out when the payload has none', () => {
    const { base, ...pullRequest } = payload.pull_request;
    const snapshot = pullRequestFromWebhook({
      ...payload,
      pull_request: pullRequest,
    });
    expect(snapshot).toMatchObject({ number: 9, branch: 'dark-mode' });
    expect(snapshot).not.toHaveProperty('baseBranch');
  });

  it('ignores payloads that carry no pull request', () => {
    expect(
      pullRequestFromWebhook({
        action: 'created',
        repository: payload.repository,
      }),
    ).toBeUndefined();
    expect(pullRequestFromWebhook(undefined)).toBeUndefined();
  });
});
