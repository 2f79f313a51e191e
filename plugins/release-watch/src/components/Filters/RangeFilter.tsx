import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { Period } from '@internal/plugin-release-watch-common';
import {
  PERIODS,
  RANGE_PRESETS,
  RangeWeeks,
  ReleaseWatchFilters,
} from '../../filters/ReleaseWatchFilters';

/** How far back, and whether per week or per month. */
export const RangeFilter = (props: {
  filters: ReleaseWatchFilters;
  onChange: (filters: ReleaseWatchFilters) => void;
}) => {
  const { filters, onChange } = props;
  return (
    <>
      <TextField
        select
        variant="outlined"
        size="small"
        id="release-watch-range"
        label="Range"
        value={filters.weeks}
        onChange={event =>
          onChange({
            ...filters,
            weeks: Number(event.target.value) as RangeWeeks,
          })
        }
      >
        {RANGE_PRESETS.map(preset => (
          <MenuItem key={preset.weeks} value={preset.weeks}>
            {preset.label}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        variant="outlined"
        size="small"
        id="release-watch-period"
        label="Period"
        value={filters.period}
        onChange={event =>
          onChange({ ...filters, period: event.target.value as Period })
        }
      >
        {PERIODS.map(({ period, label }) => (
          <MenuItem key={period} value={period}>
            {label}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
};
