/**
 * Small pieces every frontend plugin of the portal needs.
 *
 * @packageDocumentation
 */
export { backendClientApi } from './backendClientApi';
export type { BackendClientConstructor } from './backendClientApi';
