import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { reviewEnvsApiRef } from '../../api/ReviewEnvsApi';
import { mockReviewEnvsApi } from '../../__testUtils__/mockReviewEnvsApi';
import { ReviewEnvironmentsTable } from './ReviewEnvironmentsTable';

const ready: ReviewEnvironment = {
  id: 'acme-web-pr-42',
  repository: 'acme/web',
  pullRequest: 42,
  title: 'Invoice export',
  branch: 'feature/export',
  headSha: 'a'.repeat(40),
  author: 'ada',
  state: 'ready',
  stateReason: null,
  url: 'http://127.0.0.1:41234',
  deployedSha: 'a'.repeat(40),
  keep: false,
  target: 'local',
  createdAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  lastActivityAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 45 * 3_600_000).toISOString(),
  lastDeployAt: new Date(Date.now() - 10 * 60_000).toISOString(),
};

const failed: ReviewEnvironment = {
  ...ready,
  id: 'acme-web-pr-43',
  pullRequest: 43,
  title: 'Dark mode',
  state: 'failed',
  stateReason: 'the process exited with code 1',
};

describe('ReviewEnvironmentsTable', () => {
  it('lists environments with their PR, state, URL and owner', async () => {
    await renderInTestApp(
      <ReviewEnvironmentsTable
        environments={[ready, failed]}
        loading={false}
        onChange={jest.fn()}
      />,
      { apis: [[reviewEnvsApiRef, mockReviewEnvsApi()]] },
    );

    const row = screen.getByText('#42 Invoice export').closest('tr')!;
    expect(within(row).getByText('ready')).toBeInTheDocument();
    expect(
      within(row).getByText('http://127.0.0.1:41234').closest('a'),
    ).toHaveAttribute('href', 'http://127.0.0.1:41234');
    expect(within(row).getByText('ada')).toBeInTheDocument();
    expect(within(row).getByText('3 h ago')).toBeInTheDocument();
    const failedRow = screen.getByText('#43 Dark mode').closest('tr')!;
    expect(
      within(failedRow).getByTitle('the process exited with code 1'),
    ).toBeInTheDocument();
  });

  it('tears down only after confirmation', async () => {
    const api = mockReviewEnvsApi();
    const onChange = jest.fn();
    await renderInTestApp(
      <ReviewEnvironmentsTable
        environments={[ready]}
        loading={false}
        onChange={onChange}
      />,
      { apis: [[reviewEnvsApiRef, api]] },
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

  it('says how to get an environment when there is none', async () => {
    await renderInTestApp(
      <ReviewEnvironmentsTable
        environments={[]}
        loading={false}
        onChange={jest.fn()}
      />,
      { apis: [[reviewEnvsApiRef, mockReviewEnvsApi()]] },
    );

    expect(screen.getByText(/Label a pull request/)).toBeInTheDocument();
  });
});
