import TextField, { OutlinedTextFieldProps } from '@material-ui/core/TextField';
import { useSettingsFields } from './SettingsFieldsContext';

export type SettingsTextFieldProps = Omit<
  OutlinedTextFieldProps,
  'variant' | 'value' | 'onChange' | 'error' | 'helperText' | 'disabled'
> & {
  /** The field's path as the backend names it in its problems. */
  path: string;
  value: string;
  onChange: (value: string) => void;
  /** Shown under the field until the backend names a problem with it. */
  hint?: string;
};

/** A text field of the settings form, showing the backend's problem with it in place of its hint. */
export const SettingsTextField = ({
  path,
  onChange,
  hint,
  ...props
}: SettingsTextFieldProps) => {
  const { problems, disabled } = useSettingsFields();
  return (
    <TextField
      {...props}
      onChange={event => onChange(event.target.value)}
      error={Boolean(problems[path])}
      helperText={problems[path] ?? hint}
      disabled={disabled}
      fullWidth
      variant="outlined"
      size="small"
    />
  );
};
