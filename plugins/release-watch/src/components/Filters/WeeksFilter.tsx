import { RANGE_PRESETS, RangeWeeks } from '../../filters/ReleaseWatchFilters';
import { SelectFilter } from './SelectFilter';

const OPTIONS = RANGE_PRESETS.map(p => ({ value: p.weeks, label: p.label }));

/** How far back, for views that have no periods (summaries, teams). */
export const WeeksFilter = (props: {
  weeks: RangeWeeks;
  onChange: (weeks: RangeWeeks) => void;
}) => (
  <SelectFilter<number>
    id="release-watch-weeks"
    label="Range"
    value={props.weeks}
    options={OPTIONS}
    onChange={chosen => props.onChange(Number(chosen) as RangeWeeks)}
  />
);
