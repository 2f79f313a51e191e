export * from './environments';
export * from './locks';
export * from './permissions';
export {
  ReviewEnvsApiClient,
  reviewEnvsApiClientOperations,
} from './schema/openapi/generated';
