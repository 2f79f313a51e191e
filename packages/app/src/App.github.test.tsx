import { screen } from '@testing-library/react';
import { renderAppWithConfig } from './__testUtils__/renderAppWithConfig';

describe('App with GitHub sign-in configured', () => {
  it('offers GitHub first, then guest, as app.signIn.providers lists them', async () => {
    renderAppWithConfig({ signIn: { providers: ['github', 'guest'] } });

    await screen.findByRole('button', { name: 'Enter' });
    const titles = screen.getAllByText(/^(GitHub|Guest)$/);
    expect(titles.map(title => title.textContent)).toEqual(['GitHub', 'Guest']);
  });
});
