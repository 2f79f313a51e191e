import { SETTINGS_FIELDS, TextValueName } from './settingsFields';
import { useSettingsFields } from './SettingsFieldsContext';
import { SettingsTextField, SettingsTextFieldProps } from './SettingsTextField';

/** One of the form's text fields, as `SETTINGS_FIELDS` describes it, editing its value. */
export const SettingsField = ({
  name,
  ...overrides
}: { name: TextValueName } & Pick<
  SettingsTextFieldProps,
  'hint' | 'InputProps'
>) => {
  const { values, set } = useSettingsFields();
  return (
    <SettingsTextField
      {...SETTINGS_FIELDS[name]}
      value={values[name]}
      onChange={value => set(name, value)}
      {...overrides}
    />
  );
};
