import { formValuesOf, settingsInputOf } from './settingsForm';

describe('settings form values', () => {
  const smtpSettings = {
    branding: {
      palette: { primary: '#1f6feb', secondary: '#ffffff', background: '#000' },
      logoUrl: 'https://acme.example/logo.svg',
    },
    mail: {
      mode: 'smtp' as const,
      host: 'smtp.acme.example',
      port: 587,
      username: 'mailer',
      fromAddress: 'hello@acme.example',
      hasPassword: true,
    },
    footer: {
      address: '1 Acme Way',
      links: [{ label: 'Blog', url: 'https://acme.example/blog' }],
    },
    analyticsId: 'G-ABC123',
  };

  it('round-trips settings, leaving the stored password alone when none is typed', () => {
    const { hasPassword, ...mail } = smtpSettings.mail;
    expect(hasPassword).toBe(true);
    expect(settingsInputOf(formValuesOf(smtpSettings))).toEqual({
      ...smtpSettings,
      mail,
    });
  });

  it('sends a typed password', () => {
    const values = { ...formValuesOf(smtpSettings), smtpPassword: 's3cret' };
    expect(settingsInputOf(values).mail).toMatchObject({ password: 's3cret' });
  });

  it('leaves out empty optional fields and the SMTP fields on platform mail', () => {
    const values = {
      ...formValuesOf(smtpSettings),
      mailMode: 'platform' as const,
      logoUrl: ' ',
      footerAddress: '',
      analyticsId: '',
      smtpPassword: 'ignored',
    };
    expect(settingsInputOf(values)).toEqual({
      branding: { palette: smtpSettings.branding.palette },
      mail: { mode: 'platform' },
      footer: { links: smtpSettings.footer.links },
    });
  });
});
