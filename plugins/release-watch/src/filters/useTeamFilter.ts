import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEFAULT_FILTERS, ReleaseWatchFilters } from './ReleaseWatchFilters';

/**
 * The page's filters, the team (`?owner=group:default/frontend`) read from
 * the address so that a link can open the page filtered to a team. Choosing
 * a group or an entity, or clearing the team, drops it from the address.
 */
export function useTeamFilter(): [
  ReleaseWatchFilters,
  (filters: ReleaseWatchFilters) => void,
] {
  const [searchParams, setSearchParams] = useSearchParams();
  const [filters, setFilters] = useState<ReleaseWatchFilters>(DEFAULT_FILTERS);
  const owner = searchParams.get('owner')?.toLocaleLowerCase('en-US');
  const current = { ...filters, owner: owner || undefined };

  const change = (next: ReleaseWatchFilters) => {
    const scopeChosen =
      next.group !== current.group || next.entityRef !== current.entityRef;
    setFilters({ ...next, owner: undefined });
    if (owner && (scopeChosen || !next.owner)) {
      const params = new URLSearchParams(searchParams);
      params.delete('owner');
      setSearchParams(params);
    }
  };
  return [current, change];
}
