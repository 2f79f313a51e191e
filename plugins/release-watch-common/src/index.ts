export * from './events';
export * from './metrics';
export * from './api';
export {
  ReleaseWatchApiClient,
  releaseWatchApiClientOperations,
} from './schema/openapi/generated';
