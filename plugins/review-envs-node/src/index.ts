export * from './DeployTarget';
export { LocalProcessDeployTarget } from './local/LocalProcessDeployTarget';
export type { LocalProcessDeployTargetOptions } from './local/LocalProcessDeployTarget';
