export * from './DeployTarget';
export { LocalProcessDeployTarget } from './local/LocalProcessDeployTarget';
export type { LocalProcessDeployTargetOptions } from './local/LocalProcessDeployTarget';
export { EcsDeployTarget } from './ecs/EcsDeployTarget';
export type { EcsDeployTargetOptions } from './ecs/EcsDeployTarget';
