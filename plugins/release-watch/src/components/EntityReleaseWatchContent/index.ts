export { EntityReleaseWatchContent } from './EntityReleaseWatchContent';
