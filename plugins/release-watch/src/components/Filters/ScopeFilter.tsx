import { ResponseErrorPanel } from '@backstage/core-components';
import { ReleaseWatchFilters } from '../../filters/ReleaseWatchFilters';
import { shortEntityRef } from '../../format/formatScope';
import { useScopes } from '../../hooks/useScopes';
import { ALL, SelectFilter } from './SelectFilter';

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
      <SelectFilter
        id="release-watch-group"
        label="Group"
        allLabel="All groups"
        style={SELECT_STYLE}
        disabled={loading}
        value={filters.group ?? ALL}
        options={(scopes?.groups ?? []).map(group => ({
          value: group,
          label: group,
        }))}
        onChange={chooseGroup}
      />
      <SelectFilter
        id="release-watch-entity"
        label="Entity"
        allLabel={filters.group ? `All of ${filters.group}` : 'All entities'}
        style={SELECT_STYLE}
        disabled={loading}
        value={filters.entityRef ?? ALL}
        options={entities.map(entity => ({
          value: entity.entityRef,
          label: shortEntityRef(entity.entityRef),
        }))}
        onChange={entityRef =>
          onChange({ ...filters, entityRef: entityRef || undefined })
        }
      />
    </>
  );
};
