import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { FormEvent } from 'react';
import { RegisteredTenant } from '../../api/TenantScaffolderApi';
import { BrandingSection } from './BrandingSection';
import { FooterSection } from './FooterSection';
import { MailSection } from './MailSection';
import { saveFailureOf } from './saveFailure';
import { SettingsField } from './SettingsField';
import { SettingsFieldsContext } from './SettingsFieldsContext';
import { SettingsFormStatus } from './SettingsFormStatus';
import { useSettingsForm } from './useSettingsForm';

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
  const { values, set, loadedRevision, saving, saved, error, save } =
    useSettingsForm(tenant, onSaved);
  const failure = saveFailureOf(error);
  const disabled = !canEdit || saving;
  const { mail } = tenant.settings;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save();
  };

  return (
    <InfoCard title="Settings" subheader="Applied without a restart">
      <form onSubmit={submit} aria-label="Tenant settings" noValidate>
        <SettingsFormStatus
          canEdit={canEdit}
          error={error}
          failure={failure}
          saved={saved}
          onReload={onReload}
        />
        <SettingsFieldsContext.Provider
          value={{ values, set, problems: failure.problemsByField, disabled }}
        >
          <BrandingSection tenantName={tenant.name} />
          <MailSection
            hasStoredPassword={
              mail.mode === 'smtp' && Boolean(mail.hasPassword)
            }
          />
          <FooterSection />
          <Box mt={3} maxWidth={320}>
            <SettingsField name="analyticsId" />
          </Box>
        </SettingsFieldsContext.Provider>

        <Box mt={3} display="flex" gridGap={8} alignItems="center">
          <Button
            type="submit"
            variant="contained"
            color="primary"
            disabled={disabled}
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
