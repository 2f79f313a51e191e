import { ResponseErrorPanel } from '@backstage/core-components';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { ReleaseWatchFilters } from '../../filters/ReleaseWatchFilters';
import { shortEntityRef } from '../../format/formatScope';
import { useScopes } from '../../hooks/useScopes';

const ALL = '';
const SELECT_STYLE = { minWidth: 200 };

/** Whose numbers: the organisation, a group, or one entity (of the chosen group). */
export const ScopeFilter = (props: {
  filters: ReleaseWatchFilters;
  onChange: (filters: ReleaseWatchFilters) => void;
}) => {
  const { filters, onChange } = props;
  const { value: scopes, loading, error } = useScopes();
  const entities = (scopes?.entities ?? []).filter(
    entity => !filters.group || entity.group === filters.group,
  );

  const chooseGroup = (group: string) => {
    const entityStays = scopes?.entities.some(
      entity =>
        entity.entityRef === filters.entityRef &&
        (!group || entity.group === group),
    );
    onChange({
      ...filters,
      group: group || undefined,
      entityRef: entityStays ? filters.entityRef : undefined,
    });
  };

  if (error) {
    return <ResponseErrorPanel error={error} title="Could not load groups" />;
  }

  return (
    <>
      <TextField
        select
        variant="outlined"
        size="small"
        id="release-watch-group"
        label="Group"
        style={SELECT_STYLE}
        disabled={loading}
        value={filters.group ?? ALL}
        onChange={event => chooseGroup(event.target.value)}
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value={ALL}>All groups</MenuItem>
        {scopes?.groups.map(group => (
          <MenuItem key={group} value={group}>
            {group}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        variant="outlined"
        size="small"
        id="release-watch-entity"
        label="Entity"
        style={SELECT_STYLE}
        disabled={loading}
        value={filters.entityRef ?? ALL}
        onChange={event =>
          onChange({ ...filters, entityRef: event.target.value || undefined })
        }
        SelectProps={{ displayEmpty: true }}
        InputLabelProps={{ shrink: true }}
      >
        <MenuItem value={ALL}>
          {filters.group ? `All of ${filters.group}` : 'All entities'}
        </MenuItem>
        {entities.map(entity => (
          <MenuItem key={entity.entityRef} value={entity.entityRef}>
            {shortEntityRef(entity.entityRef)}
          </MenuItem>
        ))}
      </TextField>
    </>
  );
};
