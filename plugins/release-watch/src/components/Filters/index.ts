export { FilterBar } from './FilterBar';
export { RangeFilter } from './RangeFilter';
export { ScopeFilter } from './ScopeFilter';
export { TeamFilter } from './TeamFilter';
export { WeeksFilter } from './WeeksFilter';
