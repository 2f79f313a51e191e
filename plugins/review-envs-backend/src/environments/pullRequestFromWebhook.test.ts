import { pullRequestFromWebhook } from './pullRequestFromWebhook';

describe('pullRequestFromWebhook', () => {
  const payload = {
    action: 'closed',
    repository: { full_name: 'acme/web' },
    pull_request: {
      number: 9,
      title: 'Dark mode',
      state: 'closed',
      head: { ref: 'dark-mode', sha: 'c'.repeat(40) },
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
      headSha: 'c'.repeat(40),
      author: 'grace',
      open: false,
      labels: ['review', 'keep'],
    });
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
