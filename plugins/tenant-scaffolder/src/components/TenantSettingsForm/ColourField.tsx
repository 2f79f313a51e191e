import InputAdornment from '@material-ui/core/InputAdornment';
import { colourPickerValue } from '../../format/colourPickerValue';
import { SettingsField } from './SettingsField';
import { SETTINGS_FIELDS } from './settingsFields';
import { useSettingsFields } from './SettingsFieldsContext';

const PICKER_STYLE = {
  width: 24,
  height: 24,
  padding: 0,
  border: 'none',
  background: 'none',
};

/** A palette colour typed as text, or picked with the browser's colour picker. */
export const ColourField = ({
  name,
}: {
  name: 'primary' | 'secondary' | 'background';
}) => {
  const { values, set, disabled } = useSettingsFields();
  const label = SETTINGS_FIELDS[name].label;
  return (
    <SettingsField
      name={name}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <input
              type="color"
              aria-label={`Pick ${label.toLocaleLowerCase('en-US')}`}
              value={colourPickerValue(values[name])}
              disabled={disabled}
              onChange={event => set(name, event.target.value)}
              style={PICKER_STYLE}
            />
          </InputAdornment>
        ),
      }}
    />
  );
};
