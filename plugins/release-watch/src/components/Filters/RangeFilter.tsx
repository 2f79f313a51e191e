import { Period } from '@internal/plugin-release-watch-common';
import {
  PERIODS,
  RANGE_PRESETS,
  RangeWeeks,
  ReleaseWatchFilters,
} from '../../filters/ReleaseWatchFilters';
import { SelectFilter } from './SelectFilter';

const RANGE_OPTIONS = RANGE_PRESETS.map(({ weeks, label }) => ({
  value: weeks,
  label,
}));
const PERIOD_OPTIONS = PERIODS.map(({ period, label }) => ({
  value: period,
  label,
}));

/** How far back, and whether per week or per month. */
export const RangeFilter = (props: {
  filters: ReleaseWatchFilters;
  onChange: (filters: ReleaseWatchFilters) => void;
}) => {
  const { filters, onChange } = props;
  return (
    <>
      <SelectFilter<number>
        id="release-watch-range"
        label="Range"
        value={filters.weeks}
        options={RANGE_OPTIONS}
        onChange={weeks =>
          onChange({ ...filters, weeks: Number(weeks) as RangeWeeks })
        }
      />
      <SelectFilter<Period>
        id="release-watch-period"
        label="Period"
        value={filters.period}
        options={PERIOD_OPTIONS}
        onChange={period => onChange({ ...filters, period: period as Period })}
      />
    </>
  );
};
