import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import {
  ReviewEnvironment,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReviewEnvsApi, reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { reviewEnvironment } from '../../__testUtils__/fixtures';
import { mockReviewEnvsApi } from '../../__testUtils__/mockReviewEnvsApi';
import { grantPermissions } from '../../__testUtils__/permissions';
import { ReviewEnvironmentsTable } from './ReviewEnvironmentsTable';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

const ready = reviewEnvironment();

const failed: ReviewEnvironment = {
  ...ready,
  id: 'acme-web-pr-43',
  pullRequest: 43,
  pullRequestUrl: null,
  title: 'Dark mode',
  state: 'failed',
  stateReason: 'the process exited with code 1',
};

const gone: ReviewEnvironment = {
  ...ready,
  id: 'acme-web-pr-41',
  pullRequest: 41,
  title: 'Old spike',
  state: 'gone',
  url: null,
};

/** Renders the table for a signed-in user, who may tear down any environment or not. */
async function renderTable(
  environments: ReviewEnvironment[],
  options: {
    api?: ReviewEnvsApi;
    user?: string;
    mayTearDownAny?: boolean;
    onChange?: () => void;
  } = {},
) {
  grantPermissions(
    options.mayTearDownAny ? [reviewEnvsTeardownAnyPermission.name] : [],
  );
  await renderInTestApp(
    <ReviewEnvironmentsTable
      environments={environments}
      loading={false}
      onChange={options.onChange ?? jest.fn()}
    />,
    {
      apis: [
        [reviewEnvsApiRef, options.api ?? mockReviewEnvsApi()],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.user ?? 'user:default/ada',
          }),
        ],
      ],
    },
  );
}

describe('ReviewEnvironmentsTable', () => {
  it('lists environments with their PR, state, URL and owner', async () => {
    await renderTable([ready, failed]);

    const row = screen.getByText('#42 Invoice export').closest('tr')!;
    expect(within(row).getByText('ready')).toBeInTheDocument();
    expect(
      within(row).getByText('http://127.0.0.1:41234').closest('a'),
    ).toHaveAttribute('href', 'http://127.0.0.1:41234');
    expect(within(row).getByText('ada')).toBeInTheDocument();
    expect(within(row).getByText('3 h ago')).toBeInTheDocument();
    // The pull request on the host the backend names, not on github.com.
    expect(
      within(row).getByText('#42 Invoice export').closest('a'),
    ).toHaveAttribute('href', 'https://ghe.example.com/acme/web/pull/42');
    // No pull request page known: no link.
    expect(screen.getByText('#43 Dark mode').closest('a')).toBeNull();
    const failedRow = screen.getByText('#43 Dark mode').closest('tr')!;
    expect(
      within(failedRow).getByTitle('the process exited with code 1'),
    ).toBeInTheDocument();
  });

  it('tears down only after confirmation', async () => {
    const api = mockReviewEnvsApi();
    const onChange = jest.fn();
    await renderTable([ready], { api, onChange });

    // Enabled once the signed-in user is known to be the author.
    // Generous: on a loaded machine the identity resolves slowly.
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Tear down' })).toBeEnabled(),
      { timeout: 10_000 },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tear down' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Tear down acme-web-pr-42?'),
    ).toBeInTheDocument();
    expect(api.teardownEnvironment).not.toHaveBeenCalled();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Tear down' }));
    await waitFor(() =>
      expect(api.teardownEnvironment).toHaveBeenCalledWith('acme-web-pr-42'),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalled());
  });

  it("lets only the pull request's author and admins tear down", async () => {
    const tearDown = () => screen.getByRole('button', { name: 'Tear down' });

    await renderTable([ready], { user: 'user:default/bob' });
    await waitFor(() => expect(tearDown()).toBeDisabled());
    expect(
      screen.getByTitle(
        "Only ada (the pull request's author) and portal admins may tear it down",
      ),
    ).toBeInTheDocument();
    // Everyone may redeploy and extend.
    expect(screen.getByRole('button', { name: 'Redeploy' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Extend' })).toBeEnabled();
  });

  it("lets an admin tear down anyone's environment", async () => {
    await renderTable([ready], {
      user: 'user:default/bob',
      mayTearDownAny: true,
    });

    // Generous: on a loaded machine the identity resolves slowly.
    await waitFor(
      () =>
        expect(screen.getByRole('button', { name: 'Tear down' })).toBeEnabled(),
      { timeout: 10_000 },
    );
  });

  it('keeps ended environments behind "Show ended", below the others, with no actions but their logs', async () => {
    await renderTable([gone, ready]);

    expect(screen.queryByText('#41 Old spike')).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('Show ended (1)'));

    const rows = screen.getAllByRole('row').map(row => row.textContent);
    const readyAt = rows.findIndex(text => text?.includes('#42'));
    const goneAt = rows.findIndex(text => text?.includes('#41'));
    expect(readyAt).toBeGreaterThan(-1);
    expect(goneAt).toBeGreaterThan(readyAt);
    const goneRow = screen.getByText('#41 Old spike').closest('tr')!;
    expect(within(goneRow).getByText('ended')).toBeInTheDocument();
    expect(
      within(goneRow)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Logs']);
  });

  it('says how many ended when none runs', async () => {
    await renderTable([gone]);

    expect(
      screen.getByText(/No running review environments; 1 ended/),
    ).toBeInTheDocument();
  });

  it('says how to get an environment when there is none', async () => {
    await renderTable([]);

    expect(screen.getByText(/Label a pull request/)).toBeInTheDocument();
  });
});
