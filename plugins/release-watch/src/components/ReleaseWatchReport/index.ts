export { ReleaseWatchReport } from './ReleaseWatchReport';
