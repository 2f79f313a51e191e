export { callerGate, callerOf } from './callerGate';
export type { Caller, CallerKind, GatedSpec } from './callerGate';
export { createApiRouter } from './createApiRouter';
