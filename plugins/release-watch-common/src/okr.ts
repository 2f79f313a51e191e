import type { components } from './schema/openapi/generated';
import { MetricId } from './metrics';

/**
 * An objective as declared in config or in a catalog annotation, its metric
 * one that Release Watch measures (on the wire, any string).
 */
export type Okr = Omit<components['schemas']['Okr'], 'metric'> & {
  metric: MetricId;
};
