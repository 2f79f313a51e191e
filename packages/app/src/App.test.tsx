import { screen } from '@testing-library/react';
import { renderAppWithConfig } from './__testUtils__/renderAppWithConfig';

describe('App', () => {
  it('starts on the portal sign-in page offering guest sign-in alone', async () => {
    renderAppWithConfig({ signIn: { providers: ['guest'] } });

    expect(await screen.findByText('Developer Portal')).toBeInTheDocument();
    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('GitHub')).not.toBeInTheDocument();
  });
});
