import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { TenantScaffolderApi } from '../../api/TenantScaffolderApi';
import {
  mockTenantScaffolderApi,
  responseError,
} from '../../__testUtils__/mockTenantScaffolderApi';
import { renderSettingsForm } from './__testUtils__/renderSettingsForm';
import { acmeWithSmtp, smtpSettings } from './__testUtils__/smtpSettings';

jest.setTimeout(30_000);

/** What the form sends back for `acmeWithSmtp` when nothing changed: no password. */
const { hasPassword, ...unchangedMail } = smtpSettings.mail;
const acmeSettingsInput = { ...smtpSettings, mail: unchangedMail };

function textbox(name: string | RegExp) {
  return screen.getByRole('textbox', { name });
}

function smtpHost() {
  return textbox(/^SMTP host/);
}

function smtpPassword() {
  return screen.getByLabelText('SMTP password');
}

function change(field: HTMLElement, value: string) {
  fireEvent.change(field, { target: { value } });
}

function save() {
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
}

/** Answers a save as the backend does when it stored the settings. */
function answerSaves(
  api: jest.Mocked<TenantScaffolderApi>,
  answer: { appliedToInstance: boolean; applyProblem?: string },
) {
  api.updateSettings.mockImplementation(async () => ({
    ...acmeWithSmtp({ revision: 4 }),
    ...answer,
  }));
}

describe('TenantSettingsForm', () => {
  it("fills every field from the tenant's settings, and never the stored password", async () => {
    await renderSettingsForm(mockTenantScaffolderApi());

    expect(textbox('Primary colour')).toHaveValue('#1f6feb');
    expect(textbox('Secondary colour')).toHaveValue('#ffffff');
    expect(textbox('Background colour')).toHaveValue('#0d1117');
    expect(screen.getByLabelText('Pick primary colour')).toHaveValue('#1f6feb');
    expect(textbox('Logo URL')).toHaveValue('https://acme.example/logo.svg');
    expect(
      screen.getByRole('img', {
        name: 'Preview: #1f6feb on #0d1117, text #ffffff',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', { name: "The customer's SMTP server" }),
    ).toBeChecked();
    expect(smtpHost()).toHaveValue('smtp.acme.example');
    expect(screen.getByRole('spinbutton', { name: /^SMTP port/ })).toHaveValue(
      587,
    );
    expect(textbox(/^SMTP user name/)).toHaveValue('mailer');
    expect(textbox(/^From address/)).toHaveValue('hello@acme.example');
    expect(smtpPassword()).toHaveValue('');
    expect(smtpPassword()).toHaveAccessibleDescription(
      'A password is stored; type a new one to replace it',
    );
    expect(textbox('Postal address')).toHaveValue('1 Acme Way');
    expect(textbox('Link 1 label')).toHaveValue('Blog');
    expect(textbox('Link 1 URL')).toHaveValue('https://acme.example/blog');
    expect(textbox('Analytics id')).toHaveValue('G-ABC123');
    expect(screen.getByText('Revision 3')).toBeInTheDocument();
  });

  it('saves a change with the revision it loaded, leaving every other setting as it was and the password out', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, { appliedToInstance: true });
    await renderSettingsForm(api);

    change(smtpHost(), 'mail.acme.example');
    save();

    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings).toHaveBeenCalledWith('acme', {
      settings: {
        ...acmeSettingsInput,
        mail: { ...acmeSettingsInput.mail, host: 'mail.acme.example' },
      },
      expectedRevision: 3,
    });
  });

  it('sends the SMTP password when one is typed', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, { appliedToInstance: true });
    await renderSettingsForm(api);

    change(smtpPassword(), 'n3w-s3cret');
    save();

    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings.mock.calls[0][1].settings.mail).toEqual({
      ...acmeSettingsInput.mail,
      password: 'n3w-s3cret',
    });
  });

  it('sends the footer links as edited: one removed, one added', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, { appliedToInstance: true });
    await renderSettingsForm(api);

    fireEvent.click(screen.getByRole('button', { name: 'Add link' }));
    change(textbox('Link 2 label'), 'Status');
    change(textbox('Link 2 URL'), 'https://status.acme.example');
    fireEvent.click(screen.getByRole('button', { name: 'Remove link 1' }));
    save();

    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings.mock.calls[0][1].settings.footer).toEqual({
      address: '1 Acme Way',
      links: [{ label: 'Status', url: 'https://status.acme.example' }],
    });
  });

  it("shows the backend's problems at their fields and in a summary", async () => {
    const api = mockTenantScaffolderApi();
    api.updateSettings.mockRejectedValue(
      responseError(400, {
        name: 'InputError',
        message: 'Invalid settings',
        problems: [
          { field: 'settings.mail.host', message: 'is not a host name' },
          {
            field: 'settings.footer.links[0].url',
            message: 'must be an https URL',
          },
        ],
      }),
    );
    await renderSettingsForm(api);

    save();

    const summary = await screen.findByText('The settings were not saved:');
    expect(
      within(summary).getByText('SMTP host: is not a host name'),
    ).toBeInTheDocument();
    expect(
      within(summary).getByText('Footer link 1 URL: must be an https URL'),
    ).toBeInTheDocument();
    expect(smtpHost()).toHaveAttribute('aria-invalid', 'true');
    expect(smtpHost()).toHaveAccessibleDescription('is not a host name');
    expect(textbox('Link 1 URL')).toHaveAttribute('aria-invalid', 'true');
    expect(textbox('Link 1 URL')).toHaveAccessibleDescription(
      'must be an https URL',
    );
    expect(textbox('Link 1 label')).toHaveAttribute('aria-invalid', 'false');
    expect(textbox('Logo URL')).toHaveAccessibleDescription('An https URL');
    expect(screen.queryByText(/Settings saved/)).not.toBeInTheDocument();
  });

  it('shows a stale revision as a conflict, and reloads the newer tenant', async () => {
    const api = mockTenantScaffolderApi();
    api.updateSettings.mockRejectedValue(
      responseError(409, {
        name: 'ConflictError',
        message: "'acme' is at revision 4, not 3",
      }),
    );
    const onReload = jest.fn();
    await renderSettingsForm(api, {
      onReload,
      reloaded: acmeWithSmtp({
        revision: 4,
        settings: { ...smtpSettings, analyticsId: 'G-THEIRS' },
      }),
    });

    change(textbox('Analytics id'), 'G-MINE');
    save();

    const conflict = await screen.findByRole('alert');
    expect(conflict).toHaveTextContent(
      "Someone changed this tenant's settings since you opened them, so yours were not saved.",
    );
    expect(conflict).toHaveTextContent("('acme' is at revision 4, not 3)");
    expect(textbox('Analytics id')).toHaveValue('G-MINE');
    expect(onReload).not.toHaveBeenCalled();

    fireEvent.click(within(conflict).getByRole('button', { name: 'Reload' }));

    expect(onReload).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Revision 4')).toBeInTheDocument();
    expect(textbox('Analytics id')).toHaveValue('G-THEIRS');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says a saved change reached the running instance, and shows the new revision', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, { appliedToInstance: true });
    await renderSettingsForm(api);

    change(textbox('Primary colour'), '#ff5500');
    save();

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Settings saved, and the running instance has them: no restart needed.',
    );
    expect(screen.getByText('Revision 4')).toBeInTheDocument();
  });

  it('says a saved change has not reached the running instance, and why', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, {
      appliedToInstance: false,
      applyProblem: 'scaffolder unreachable',
    });
    await renderSettingsForm(api);

    save();

    const saved = await screen.findByRole('alert');
    expect(saved).toHaveTextContent(
      'Settings saved, but the running instance does not have them yet: scaffolder unreachable. Save again to retry.',
    );
    expect(saved).not.toHaveTextContent(/no restart needed/);
  });

  it('shows any other failure as it is, without a field or a conflict', async () => {
    const api = mockTenantScaffolderApi();
    api.updateSettings.mockRejectedValue(new Error('network down'));
    await renderSettingsForm(api);

    save();

    expect(await screen.findByRole('alert')).toHaveTextContent('network down');
    expect(
      screen.queryByRole('button', { name: 'Reload' }),
    ).not.toBeInTheDocument();
    expect(smtpHost()).toHaveAttribute('aria-invalid', 'false');
  });

  it('hides the SMTP fields on the platform sender, and then sends none of them', async () => {
    const api = mockTenantScaffolderApi();
    answerSaves(api, { appliedToInstance: true });
    await renderSettingsForm(api);

    change(smtpPassword(), 'typed before switching');
    fireEvent.click(
      screen.getByRole('radio', { name: "The platform's sender" }),
    );

    expect(
      screen.queryByRole('textbox', { name: /^SMTP host/ }),
    ).not.toBeInTheDocument();
    save();
    await waitFor(() => expect(api.updateSettings).toHaveBeenCalledTimes(1));
    expect(api.updateSettings.mock.calls[0][1].settings.mail).toEqual({
      mode: 'platform',
    });
  });

  it('locks every field and the save without the permission to edit', async () => {
    await renderSettingsForm(mockTenantScaffolderApi(), { canEdit: false });

    expect(
      screen.getByText("You may not change this tenant's settings."),
    ).toBeInTheDocument();
    for (const field of [
      textbox('Primary colour'),
      screen.getByLabelText('Pick primary colour'),
      textbox('Logo URL'),
      screen.getByRole('radio', { name: "The platform's sender" }),
      smtpHost(),
      smtpPassword(),
      textbox('Link 1 URL'),
      screen.getByRole('button', { name: 'Remove link 1' }),
      screen.getByRole('button', { name: 'Add link' }),
      textbox('Analytics id'),
      screen.getByRole('button', { name: 'Save settings' }),
    ]) {
      expect(field).toBeDisabled();
    }
  });
});
