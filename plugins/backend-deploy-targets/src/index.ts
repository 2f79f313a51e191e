export * from './DeployTarget';
export { LocalProcessDeployTarget } from './local/LocalProcessDeployTarget';
export type { LocalProcessDeployTargetOptions } from './local/LocalProcessDeployTarget';
export { EcsDeployTarget } from './ecs/EcsDeployTarget';
export type { EcsDeployTargetOptions } from './ecs/EcsDeployTargetOptions';
export {
  readDeployTarget,
  readEcsTargetOptions,
  readLocalTargetOptions,
  readTargetType,
} from './readDeployTarget';
export type { DeployTargetDefaults } from './readDeployTarget';
