export * from './bands';
export * from './events';
export * from './metrics';
// Narrower than the spec's, whose metric is any string on the wire.
export type { MetricId } from './metrics';
export type { Okr } from './okr';
export * from './schema/openapi/generated';
