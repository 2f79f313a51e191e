import { formValuesOf, settingsInputOf } from './settingsForm';
import { smtpSettings } from './__testUtils__/smtpSettings';

describe('settings form values', () => {
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
