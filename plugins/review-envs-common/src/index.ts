export * from './environments';
export * from './permissions';
export * from './schema/openapi/generated';
