export {
  SharedEnvironmentLockCard,
  SharedEnvironmentLockDetails,
} from './SharedEnvironmentLockCard';
