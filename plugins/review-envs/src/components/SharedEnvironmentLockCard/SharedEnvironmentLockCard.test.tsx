import { renderInTestApp } from '@backstage/frontend-test-utils';
import {
  reviewEnvsLockForceReleasePermission,
  SharedEnvironmentLock,
} from '@internal/plugin-review-envs-common';
import { sharedEnvironmentLock } from '@internal/plugin-review-envs-common/testUtils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ReviewEnvsApi, reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { SharedEnvironmentLockCard } from './SharedEnvironmentLockCard';
import { mockReviewEnvsApi } from '../../__testUtils__/mockReviewEnvsApi';
import { grantPermissions } from '../../__testUtils__/permissions';

jest.mock('@backstage/plugin-permission-react', () => ({
  ...jest.requireActual('@backstage/plugin-permission-react'),
  usePermission: jest.fn(),
}));

const ME = 'user:default/guest';

const freeLock = sharedEnvironmentLock();

const heldLock = (holder: string): SharedEnvironmentLock => ({
  ...freeLock,
  holder,
  reason: 'Release 2.4 smoke test',
  fencingToken: 4,
  since: '2026-11-22T10:00:00.000Z',
  expiresAt: '2026-11-22T12:00:00.000Z',
});

const mockApi = mockReviewEnvsApi;

async function renderCard(
  lock: SharedEnvironmentLock,
  api: ReviewEnvsApi,
  options: { mayForceRelease?: boolean } = {},
) {
  grantPermissions(
    options.mayForceRelease ? [reviewEnvsLockForceReleasePermission.name] : [],
  );
  const onChange = jest.fn();
  await renderInTestApp(
    <SharedEnvironmentLockCard
      lock={lock}
      currentUserRef={ME}
      onChange={onChange}
    />,
    { apis: [[reviewEnvsApiRef, api]] },
  );
  return onChange;
}

describe('SharedEnvironmentLockCard', () => {
  it('claims a free lock with the reason and duration given', async () => {
    const api = mockApi();
    const onChange = await renderCard(freeLock, api);

    expect(screen.getByText('Free')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    fireEvent.change(await screen.findByLabelText(/Reason/), {
      target: { value: 'Release 2.4 smoke test' },
    });
    fireEvent.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Claim' }),
    );

    await waitFor(() =>
      expect(api.claimLock).toHaveBeenCalledWith('staging', {
        reason: 'Release 2.4 smoke test',
        durationMinutes: 120,
      }),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalled());
  });

  it("shows someone else's hold and offers the queue, not release", async () => {
    await renderCard(heldLock('user:default/ada.lovelace'), mockApi());

    expect(screen.getByText('Held by ada.lovelace')).toBeInTheDocument();
    expect(
      screen.getByText('Reason: Release 2.4 smoke test'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Join queue' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Release' }),
    ).not.toBeInTheDocument();
  });

  it('releases my own hold with its fencing token', async () => {
    const api = mockApi();
    await renderCard(heldLock(ME), api);

    expect(screen.getByText('Held by you')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Release' }));

    await waitFor(() =>
      expect(api.releaseLock).toHaveBeenCalledWith('staging', {
        fencingToken: 4,
      }),
    );
  });

  it('lets those with the permission force-release a hold, after confirmation', async () => {
    const api = mockApi();
    const onChange = await renderCard(
      heldLock('user:default/ada.lovelace'),
      api,
      { mayForceRelease: true },
    );

    fireEvent.click(
      await screen.findByRole('button', { name: 'Force release' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Force-release Staging?'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText(/ada\.lovelace holds Staging/),
    ).toBeInTheDocument();
    expect(api.forceReleaseLock).not.toHaveBeenCalled();

    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Force release' }),
    );
    await waitFor(() =>
      expect(api.forceReleaseLock).toHaveBeenCalledWith('staging'),
    );
    await waitFor(() => expect(onChange).toHaveBeenCalled());
  });

  it('offers force release to nobody without the permission', async () => {
    await renderCard(heldLock('user:default/ada.lovelace'), mockApi());
    expect(
      await screen.findByRole('button', { name: 'Join queue' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Force release' }),
    ).not.toBeInTheDocument();
  });

  it('offers no force release of my own hold: release it instead', async () => {
    await renderCard(heldLock(ME), mockApi(), { mayForceRelease: true });
    expect(
      await screen.findByRole('button', { name: 'Release' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Force release' }),
    ).not.toBeInTheDocument();
  });
});
