export * from './events';
export * from './metrics';
export * from './api';
