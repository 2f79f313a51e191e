export { ReleasesSection } from './ReleasesSection';
