import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { JsonObject } from '@backstage/types';
import yaml from 'yaml';

/** The slug as a template passes it to every step after `tenant:register`. */
export const REGISTERED_SLUG = '${{ steps.register.output.slug }}';

/** A usage example the scaffolder's action list shows: one template step, as YAML. */
export function stepExample(
  description: string,
  step: {
    id: string;
    name: string;
    action: string;
    /** Default: the slug `tenant:register` output. */
    input?: JsonObject;
  },
): TemplateExample {
  const { input = { slug: REGISTERED_SLUG }, ...rest } = step;
  return {
    description,
    example: yaml.stringify({ steps: [{ ...rest, input }] }),
  };
}
