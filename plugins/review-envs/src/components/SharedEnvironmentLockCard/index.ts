export { SharedEnvironmentLockCard } from './SharedEnvironmentLockCard';
