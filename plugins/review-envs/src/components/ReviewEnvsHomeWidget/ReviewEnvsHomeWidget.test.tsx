import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  ReviewEnvironment,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReviewEnvsApi, reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { rootRouteRef } from '../../routes';
import { reviewEnvironment } from '../../__testUtils__/fixtures';
import { mockReviewEnvsApi } from '../../__testUtils__/mockReviewEnvsApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { ReviewEnvsHomeWidget } from './ReviewEnvsHomeWidget';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

jest.setTimeout(30_000);

const staging: SharedEnvironmentLock = {
  name: 'staging',
  title: 'Staging',
  holder: null,
  reason: null,
  fencingToken: 1,
  since: null,
  expiresAt: null,
  queue: [],
};

const environment = (overrides: Partial<ReviewEnvironment>) =>
  reviewEnvironment({ pullRequestUrl: null, ...overrides });

async function render(api: ReviewEnvsApi) {
  grantPermissions([]);
  await renderInTestApp(<ReviewEnvsHomeWidget />, {
    apis: [
      [reviewEnvsApiRef, api],
      [
        identityApiRef,
        mockApis.identity({ userEntityRef: 'user:default/ada' }),
      ],
    ],
    mountedRoutes: { '/review-envs': rootRouteRef },
  });
}

describe('ReviewEnvsHomeWidget', () => {
  it("shows the staging lock with its claim, and only the user's own running environments", async () => {
    const api = mockReviewEnvsApi();
    api.listLocks.mockResolvedValue([staging]);
    api.listEnvironments.mockResolvedValue([
      environment({}),
      environment({ id: 'b', pullRequest: 43, title: 'Theirs', author: 'bob' }),
      environment({ id: 'c', pullRequest: 41, title: 'Ended', state: 'gone' }),
    ]);
    await render(api);

    expect(await screen.findByText('Free')).toBeInTheDocument();
    const mine = await screen.findByRole('list', {
      name: 'Your review environments',
    });
    expect(
      within(mine)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([expect.stringMatching(/^#42 Invoice export\b.*: ready$/)]);
    expect(
      within(mine).getByRole('link', { name: /^#42 Invoice export/ }),
    ).toHaveAttribute('href', 'http://127.0.0.1:41234');

    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Reason/), {
      target: { value: 'Smoke test' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Claim' }));
    await waitFor(() =>
      expect(api.claimLock).toHaveBeenCalledWith(
        'staging',
        expect.objectContaining({ reason: 'Smoke test' }),
      ),
    );
  });

  it('says how to get an environment when the user has none', async () => {
    await render(mockReviewEnvsApi());

    expect(
      await screen.findByText(/None running\. Label a pull request/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('No shared environment is configured.'),
    ).toBeInTheDocument();
  });
});
