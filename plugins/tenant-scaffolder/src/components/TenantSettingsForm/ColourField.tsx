import InputAdornment from '@material-ui/core/InputAdornment';
import { colourPickerValue } from '../../format/colourPickerValue';
import { useSettingsFields } from './SettingsFieldsContext';
import { SettingsTextField } from './SettingsTextField';

const PICKER_STYLE = {
  width: 24,
  height: 24,
  padding: 0,
  border: 'none',
  background: 'none',
};

/** A colour typed as text, or picked with the browser's colour picker. */
export const ColourField = ({
  id,
  label,
  path,
  value,
  onChange,
}: {
  id: string;
  label: string;
  path: string;
  value: string;
  onChange: (value: string) => void;
}) => {
  const { disabled } = useSettingsFields();
  return (
    <SettingsTextField
      id={id}
      label={label}
      path={path}
      value={value}
      onChange={onChange}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <input
              type="color"
              aria-label={`Pick ${label.toLocaleLowerCase('en-US')}`}
              value={colourPickerValue(value)}
              disabled={disabled}
              onChange={event => onChange(event.target.value)}
              style={PICKER_STYLE}
            />
          </InputAdornment>
        ),
      }}
    />
  );
};
