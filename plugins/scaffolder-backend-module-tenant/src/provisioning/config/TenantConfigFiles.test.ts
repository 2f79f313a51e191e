import { renderNginx } from './TenantConfigFiles';

describe('renderNginx', () => {
  it('fills placeholders and refuses values that could change the config', () => {
    expect(
      renderNginx('server_name {{ host }};', {
        host: 'acme.clients.example.com',
      }),
    ).toBe('server_name acme.clients.example.com;');
    expect(() =>
      renderNginx('server_name {{ host }};', {
        host: 'x; include /etc/passwd',
      }),
    ).toThrow(/refusing/);
    expect(() => renderNginx('{{ unknown }}', {})).toThrow(/unknown value/);
    // A tenant registered without a version yet.
    expect(renderNginx('# version {{ version }}', { version: '' })).toBe(
      '# version ',
    );
  });
});
