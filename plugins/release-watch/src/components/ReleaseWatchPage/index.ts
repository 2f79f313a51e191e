export { ReleaseWatchPage } from './ReleaseWatchPage';
