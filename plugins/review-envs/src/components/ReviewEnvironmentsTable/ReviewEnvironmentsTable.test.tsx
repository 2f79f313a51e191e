import { identityApiRef } from '@backstage/frontend-plugin-api';
import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  ReviewEnvironment,
  ReviewEnvironmentSeed,
  reviewEnvsSeedPermission,
  reviewEnvsTeardownAnyPermission,
} from '@internal/plugin-review-envs-common';
import { usePermission } from '@backstage/plugin-permission-react';
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
    maySeed?: boolean;
    tenants?: Array<{ slug: string; title: string }>;
    onChange?: () => void;
  } = {},
) {
  grantPermissions([
    ...(options.mayTearDownAny ? [reviewEnvsTeardownAnyPermission.name] : []),
    ...(options.maySeed ? [reviewEnvsSeedPermission.name] : []),
  ]);
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
          catalogApiRef,
          catalogApiMock({
            entities: (options.tenants ?? []).map(tenant => ({
              apiVersion: 'backstage.io/v1alpha1',
              kind: 'Resource',
              metadata: {
                name: `tenant-${tenant.slug}`,
                title: tenant.title,
                annotations: { 'tenant-scaffolder/slug': tenant.slug },
              },
              spec: { type: 'tenant', owner: 'group:default/customer-success' },
            })),
          }),
        ],
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

  describe('Load data from tenant', () => {
    const seed: ReviewEnvironmentSeed = {
      id: 1,
      environmentId: 'acme-web-pr-42',
      tenant: 'acme',
      actor: 'user:default/ada',
      policyRevision: '3f1c0a9e52b7',
      state: 'succeeded',
      rows: 1520,
      rowsCopied: 1520,
      error: null,
      startedAt: '2026-12-07T10:00:00Z',
      finishedAt: '2026-12-07T10:00:02Z',
    };

    it('is for those the policy lets seed this environment', async () => {
      await renderTable([ready], { maySeed: false });
      expect(screen.getByRole('button', { name: 'Load data' })).toBeDisabled();
      expect(
        screen.getByTitle(
          "Only ada (the pull request's author) and portal admins may load data into it",
        ),
      ).toBeInTheDocument();
      // Asked about this environment, not in general.
      expect(usePermission).toHaveBeenCalledWith({
        permission: reviewEnvsSeedPermission,
        resourceRef: 'acme-web-pr-42',
      });
    });

    it('asks for the tenant, shows the rows copied while it runs, then what was loaded', async () => {
      const api = mockReviewEnvsApi();
      let finish: (answer: ReviewEnvironmentSeed) => void = () => {};
      api.seedEnvironment.mockReturnValue(
        new Promise(resolve => {
          finish = resolve;
        }),
      );
      api.environmentSeeds.mockResolvedValue([
        { ...seed, state: 'running', rows: null, rowsCopied: 5000 },
      ]);
      const onChange = jest.fn();
      await renderTable([ready], {
        api,
        maySeed: true,
        onChange,
        tenants: [
          { slug: 'globex', title: 'Globex' },
          { slug: 'acme', title: 'Acme Corp' },
        ],
      });

      fireEvent.click(screen.getByRole('button', { name: 'Load data' }));
      const dialog = await screen.findByRole('dialog');
      const submit = within(dialog).getByRole('button', { name: 'Load data' });
      expect(submit).toBeDisabled();
      // The catalog's tenants, by title.
      expect(
        await within(dialog).findByRole(
          'option',
          { name: 'Acme Corp (acme)' },
          // Generous: on a loaded machine the catalog answers slowly.
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();
      fireEvent.change(within(dialog).getByLabelText(/Tenant/), {
        target: { value: 'acme' },
      });
      fireEvent.click(submit);

      expect(api.seedEnvironment).toHaveBeenCalledWith(
        'acme-web-pr-42',
        'acme',
      );
      expect(
        await within(dialog).findByText(
          'Copying from acme: 5,000 rows so far',
          undefined,
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();

      finish(seed);
      expect(
        await within(dialog).findByText(
          'Loaded 1,520 rows from acme (masking policy 3f1c0a9e52b7).',
          undefined,
          { timeout: 10_000 },
        ),
      ).toBeInTheDocument();
      expect(onChange).toHaveBeenCalled();
    });

    it('says why when the seed is refused', async () => {
      const api = mockReviewEnvsApi();
      api.seedEnvironment.mockRejectedValue(
        new Error(
          'column customers.date_of_birth has no masking rule in the policy',
        ),
      );
      await renderTable([ready], { api, maySeed: true });

      fireEvent.click(screen.getByRole('button', { name: 'Load data' }));
      const dialog = await screen.findByRole('dialog');
      fireEvent.change(within(dialog).getByLabelText(/Tenant/), {
        target: { value: 'acme' },
      });
      fireEvent.click(
        within(dialog).getByRole('button', { name: 'Load data' }),
      );

      expect(
        await within(dialog).findByRole('alert', undefined, {
          timeout: 10_000,
        }),
      ).toHaveTextContent(
        'Not loaded: column customers.date_of_birth has no masking rule in the policy',
      );
    });
  });
});
