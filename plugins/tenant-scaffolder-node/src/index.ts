export * from './schema/openapi/generated';
