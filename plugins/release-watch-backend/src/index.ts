export { releaseWatchPlugin as default } from './plugin';
