import Chip from '@material-ui/core/Chip';
import { ReleaseWatchFilters } from '../../filters/ReleaseWatchFilters';
import { shortEntityRef } from '../../format/formatScope';

/** The team the page is filtered to (from a link of the teams view), removable. */
export const TeamFilter = (props: {
  filters: ReleaseWatchFilters;
  onChange: (filters: ReleaseWatchFilters) => void;
}) => {
  const { filters, onChange } = props;
  if (!filters.owner) {
    return null;
  }
  return (
    <Chip
      label={`Team: ${shortEntityRef(filters.owner)}`}
      onDelete={() => onChange({ ...filters, owner: undefined })}
      style={{ alignSelf: 'center' }}
    />
  );
};
