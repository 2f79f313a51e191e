import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useState } from 'react';
import {
  RegisteredTenant,
  SettingsUpdateResult,
  tenantScaffolderApiRef,
} from '../../api/TenantScaffolderApi';
import {
  formValuesOf,
  SettingsFormValues,
  settingsInputOf,
} from './settingsForm';

/** Changes one value of the form. */
export type SetSettingsValue = <K extends keyof SettingsFormValues>(
  key: K,
  value: SettingsFormValues[K],
) => void;

/**
 * The settings form's values and their saving: with the revision they were
 * loaded at, so that a save over someone else's answers 409.
 */
export function useSettingsForm(
  tenant: RegisteredTenant,
  onSaved: (tenant: RegisteredTenant) => void,
) {
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

  const set: SetSettingsValue = useCallback((key, value) => {
    setSaved(undefined);
    setValues(previous => ({ ...previous, [key]: value }));
  }, []);

  const save = async () => {
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

  return { values, set, loadedRevision, saving, saved, error, save };
}
