import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { FieldProblem } from '@internal/plugin-tenant-scaffolder-common';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormLabel from '@material-ui/core/FormLabel';
import Grid from '@material-ui/core/Grid';
import IconButton from '@material-ui/core/IconButton';
import InputAdornment from '@material-ui/core/InputAdornment';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import DeleteIcon from '@material-ui/icons/Delete';
import Alert from '@material-ui/lab/Alert';
import { FormEvent, useEffect, useState } from 'react';
import {
  fieldProblemsOf,
  messageOf,
  problemsByField,
  statusCodeOf,
} from '../../api/errors';
import {
  RegisteredTenant,
  SettingsUpdateResult,
  tenantScaffolderApiRef,
} from '../../api/TenantScaffolderApi';
import { colourPickerValue } from '../../format/colourPickerValue';
import { PalettePreview } from './PalettePreview';
import {
  formValuesOf,
  SettingsFormValues,
  settingsInputOf,
} from './settingsForm';

const MAX_FOOTER_LINKS = 10;

const PALETTE: Array<{
  key: 'primary' | 'secondary' | 'background';
  label: string;
}> = [
  { key: 'primary', label: 'Primary colour' },
  { key: 'secondary', label: 'Secondary colour' },
  { key: 'background', label: 'Background colour' },
];

/** What the summary calls each field the backend names. */
const FIELD_LABELS: Record<string, string> = {
  'settings.branding.palette.primary': 'Primary colour',
  'settings.branding.palette.secondary': 'Secondary colour',
  'settings.branding.palette.background': 'Background colour',
  'settings.branding.logoUrl': 'Logo URL',
  'settings.mail.mode': 'Mail sender',
  'settings.mail.host': 'SMTP host',
  'settings.mail.port': 'SMTP port',
  'settings.mail.username': 'SMTP user name',
  'settings.mail.fromAddress': 'From address',
  'settings.mail.password': 'SMTP password',
  'settings.footer.address': 'Postal address',
  'settings.footer.links': 'Footer links',
  'settings.analyticsId': 'Analytics id',
  expectedRevision: 'Revision',
};

function labelOf(field: string): string {
  const link = /^settings\.footer\.links\[(\d+)\]\.(label|url)$/.exec(field);
  if (link) {
    return `Footer link ${Number(link[1]) + 1} ${
      link[2] === 'url' ? 'URL' : 'label'
    }`;
  }
  return FIELD_LABELS[field] ?? field;
}

/**
 * The tenant's run-time settings. Saves with the revision it was loaded at,
 * shows the backend's field problems next to their fields and a conflict
 * when someone saved in between.
 */
export const TenantSettingsForm = ({
  tenant,
  canEdit,
  onSaved,
  onReload,
}: {
  tenant: RegisteredTenant;
  canEdit: boolean;
  onSaved: (tenant: RegisteredTenant) => void;
  /** Loads the tenant again, after a conflict. */
  onReload: () => void;
}) => {
  const api = useApi(tenantScaffolderApiRef);
  const [values, setValues] = useState<SettingsFormValues>(() =>
    formValuesOf(tenant.settings),
  );
  const [loadedRevision, setLoadedRevision] = useState(tenant.revision);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SettingsUpdateResult>();
  const [error, setError] = useState<unknown>();

  // A newer tenant (saved here, or loaded again after a conflict) resets the form.
  useEffect(() => {
    if (tenant.revision !== loadedRevision) {
      setValues(formValuesOf(tenant.settings));
      setLoadedRevision(tenant.revision);
      setError(undefined);
    }
  }, [tenant, loadedRevision]);

  const problems: FieldProblem[] = fieldProblemsOf(error);
  const byField = problemsByField(problems);
  const conflict = statusCodeOf(error) === 409;
  const otherError =
    error !== undefined && !conflict && problems.length === 0
      ? error
      : undefined;

  const set = <K extends keyof SettingsFormValues>(
    key: K,
    value: SettingsFormValues[K],
  ) => {
    setSaved(undefined);
    setValues(previous => ({ ...previous, [key]: value }));
  };

  const setLink = (index: number, part: 'label' | 'url', value: string) =>
    set(
      'footerLinks',
      values.footerLinks.map((link, i) =>
        i === index ? { ...link, [part]: value } : link,
      ),
    );

  const fieldProps = (field: string, hint?: string) => ({
    error: Boolean(byField[field]),
    helperText: byField[field] ?? hint,
    disabled: !canEdit || saving,
    fullWidth: true,
    variant: 'outlined' as const,
    size: 'small' as const,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setSaved(undefined);
    setError(undefined);
    try {
      const updated = await api.updateSettings(tenant.slug, {
        settings: settingsInputOf(values),
        expectedRevision: loadedRevision,
      });
      setSaved(updated);
      onSaved(updated);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const hasPassword =
    tenant.settings.mail.mode === 'smtp' &&
    Boolean(tenant.settings.mail.hasPassword);

  return (
    <InfoCard title="Settings" subheader="Applied without a restart">
      <form onSubmit={submit} aria-label="Tenant settings" noValidate>
        {!canEdit && (
          <Box mb={2}>
            <Alert severity="info">
              You may not change this tenant's settings.
            </Alert>
          </Box>
        )}
        {problems.length > 0 && (
          <Box mb={2}>
            <Alert severity="error">
              The settings were not saved:
              <ul style={{ margin: 0 }}>
                {problems.map(problem => (
                  <li key={`${problem.field}:${problem.message}`}>
                    {labelOf(problem.field)}: {problem.message}
                  </li>
                ))}
              </ul>
            </Alert>
          </Box>
        )}
        {conflict && (
          <Box mb={2}>
            <Alert
              severity="warning"
              action={
                <Button color="inherit" size="small" onClick={onReload}>
                  Reload
                </Button>
              }
            >
              Someone changed this tenant's settings since you opened them, so
              yours were not saved. Reload to see their changes, then make yours
              again. ({messageOf(error)})
            </Alert>
          </Box>
        )}
        {otherError !== undefined && (
          <Box mb={2}>
            <Alert severity="error">{messageOf(otherError)}</Alert>
          </Box>
        )}
        {saved && (
          <Box mb={2}>
            {saved.appliedToInstance ? (
              <Alert severity="success">
                Settings saved, and the running instance has them: no restart
                needed.
              </Alert>
            ) : (
              <Alert severity="warning">
                Settings saved, but the running instance does not have them yet
                {saved.applyProblem ? `: ${saved.applyProblem}` : ''}. Save
                again to retry.
              </Alert>
            )}
          </Box>
        )}

        <Typography variant="subtitle1" gutterBottom>
          Branding
        </Typography>
        <Grid container spacing={2}>
          <Grid item xs={12} md={7}>
            <Grid container spacing={2}>
              {PALETTE.map(({ key, label }) => (
                <Grid item xs={12} sm={4} key={key}>
                  <TextField
                    id={`settings-${key}`}
                    label={label}
                    value={values[key]}
                    onChange={event => set(key, event.target.value)}
                    {...fieldProps(`settings.branding.palette.${key}`)}
                    InputProps={{
                      startAdornment: (
                        <InputAdornment position="start">
                          <input
                            type="color"
                            aria-label={`Pick ${label.toLocaleLowerCase(
                              'en-US',
                            )}`}
                            value={colourPickerValue(values[key])}
                            disabled={!canEdit || saving}
                            onChange={event => set(key, event.target.value)}
                            style={{
                              width: 24,
                              height: 24,
                              padding: 0,
                              border: 'none',
                              background: 'none',
                            }}
                          />
                        </InputAdornment>
                      ),
                    }}
                  />
                </Grid>
              ))}
              <Grid item xs={12}>
                <TextField
                  id="settings-logo-url"
                  label="Logo URL"
                  value={values.logoUrl}
                  onChange={event => set('logoUrl', event.target.value)}
                  {...fieldProps('settings.branding.logoUrl', 'An https URL')}
                />
              </Grid>
            </Grid>
          </Grid>
          <Grid item xs={12} md={5}>
            <PalettePreview
              name={tenant.name}
              primary={values.primary}
              secondary={values.secondary}
              background={values.background}
              logoUrl={values.logoUrl.trim() || undefined}
            />
          </Grid>
        </Grid>

        <Box mt={3}>
          <FormLabel component="legend" id="settings-mail-mode-label">
            Mail sender
          </FormLabel>
          <RadioGroup
            row
            aria-labelledby="settings-mail-mode-label"
            value={values.mailMode}
            onChange={event =>
              set('mailMode', event.target.value as 'platform' | 'smtp')
            }
          >
            <FormControlLabel
              value="platform"
              control={<Radio disabled={!canEdit || saving} />}
              label="The platform's sender"
            />
            <FormControlLabel
              value="smtp"
              control={<Radio disabled={!canEdit || saving} />}
              label="The customer's SMTP server"
            />
          </RadioGroup>
        </Box>
        {values.mailMode === 'smtp' && (
          <Grid container spacing={2}>
            <Grid item xs={12} sm={8}>
              <TextField
                id="settings-smtp-host"
                label="SMTP host"
                required
                value={values.smtpHost}
                onChange={event => set('smtpHost', event.target.value)}
                {...fieldProps('settings.mail.host')}
              />
            </Grid>
            <Grid item xs={12} sm={4}>
              <TextField
                id="settings-smtp-port"
                label="SMTP port"
                required
                type="number"
                inputProps={{ min: 1, max: 65535 }}
                value={values.smtpPort}
                onChange={event => set('smtpPort', event.target.value)}
                {...fieldProps('settings.mail.port')}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="settings-smtp-username"
                label="SMTP user name"
                required
                value={values.smtpUsername}
                onChange={event => set('smtpUsername', event.target.value)}
                {...fieldProps('settings.mail.username')}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="settings-smtp-from-address"
                label="From address"
                required
                type="email"
                value={values.smtpFromAddress}
                onChange={event => set('smtpFromAddress', event.target.value)}
                {...fieldProps('settings.mail.fromAddress')}
              />
            </Grid>
            <Grid item xs={12} sm={6}>
              <TextField
                id="settings-smtp-password"
                label="SMTP password"
                type="password"
                autoComplete="new-password"
                value={values.smtpPassword}
                onChange={event => set('smtpPassword', event.target.value)}
                {...fieldProps(
                  'settings.mail.password',
                  hasPassword
                    ? 'A password is stored; type a new one to replace it'
                    : 'Sent only when typed',
                )}
              />
            </Grid>
          </Grid>
        )}

        <Box mt={3}>
          <Typography variant="subtitle1" gutterBottom>
            Mail footer
          </Typography>
          <TextField
            id="settings-footer-address"
            label="Postal address"
            multiline
            minRows={2}
            value={values.footerAddress}
            onChange={event => set('footerAddress', event.target.value)}
            {...fieldProps('settings.footer.address')}
          />
          {byField['settings.footer.links'] && (
            <Typography color="error" variant="caption">
              {byField['settings.footer.links']}
            </Typography>
          )}
          {values.footerLinks.map((link, index) => (
            <Box key={index} display="flex" gridGap={8} mt={2}>
              <TextField
                id={`settings-footer-link-${index}-label`}
                label={`Link ${index + 1} label`}
                value={link.label}
                onChange={event => setLink(index, 'label', event.target.value)}
                {...fieldProps(`settings.footer.links[${index}].label`)}
              />
              <TextField
                id={`settings-footer-link-${index}-url`}
                label={`Link ${index + 1} URL`}
                value={link.url}
                onChange={event => setLink(index, 'url', event.target.value)}
                {...fieldProps(`settings.footer.links[${index}].url`)}
              />
              <IconButton
                aria-label={`Remove link ${index + 1}`}
                disabled={!canEdit || saving}
                onClick={() =>
                  set(
                    'footerLinks',
                    values.footerLinks.filter((_, i) => i !== index),
                  )
                }
              >
                <DeleteIcon />
              </IconButton>
            </Box>
          ))}
          <Box mt={1}>
            <Button
              size="small"
              disabled={
                !canEdit ||
                saving ||
                values.footerLinks.length >= MAX_FOOTER_LINKS
              }
              onClick={() =>
                set('footerLinks', [
                  ...values.footerLinks,
                  { label: '', url: 'https://' },
                ])
              }
            >
              Add link
            </Button>
          </Box>
        </Box>

        <Box mt={3} maxWidth={320}>
          <TextField
            id="settings-analytics-id"
            label="Analytics id"
            value={values.analyticsId}
            onChange={event => set('analyticsId', event.target.value)}
            {...fieldProps('settings.analyticsId', 'e.g. G-XXXXXXX')}
          />
        </Box>

        <Box mt={3} display="flex" gridGap={8} alignItems="center">
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={!canEdit || saving}
          >
            {saving ? 'Saving…' : 'Save settings'}
          </Button>
          <Typography variant="caption" color="textSecondary">
            Revision {loadedRevision}
          </Typography>
        </Box>
      </form>
    </InfoCard>
  );
};
