import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { CSSProperties } from 'react';

/** The value of the choice that leaves a filter out. */
export const ALL = '';

/**
 * One drop-down of the filter bar. With `allLabel`, a first choice that leaves
 * the filter out: its value is {@link ALL}, shown though empty.
 */
export const SelectFilter = <T extends string | number>(props: {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: string) => void;
  allLabel?: string;
  disabled?: boolean;
  style?: CSSProperties;
}) => {
  const { options, onChange, allLabel, ...field } = props;
  const withAll = allLabel !== undefined;
  return (
    <TextField
      select
      variant="outlined"
      size="small"
      {...field}
      onChange={event => onChange(event.target.value)}
      {...(withAll && {
        SelectProps: { displayEmpty: true },
        InputLabelProps: { shrink: true },
      })}
    >
      {withAll && <MenuItem value={ALL}>{allLabel}</MenuItem>}
      {options.map(option => (
        <MenuItem key={option.value} value={option.value}>
          {option.label}
        </MenuItem>
      ))}
    </TextField>
  );
};
