export { NoObjectivesEmptyState } from './NoObjectivesEmptyState';
export { NoReleasesEmptyState } from './NoReleasesEmptyState';
