export { ReleaseWatchRoutes } from './ReleaseWatchRoutes';
