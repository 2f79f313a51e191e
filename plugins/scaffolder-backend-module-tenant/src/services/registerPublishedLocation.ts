import { InputError } from '@backstage/errors';
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/**
 * `catalog:register:published`: registers the catalog-info.yaml a task has
 * just published, as a `url` location (a repository on GitHub) or a `file`
 * location (a local repository on the embedded default). It registers with
 * the scaffolder's own credentials: creating locations is an admin
 * permission in this portal, and what is registered is what this task
 * published, not something the user points at.
 */
export function createRegisterPublishedLocationAction(options: {
  catalog: CatalogService;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: 'catalog:register:published',
    description:
      'Registers the catalog-info.yaml a task published, by its URL or its local path, with the scaffolder’s credentials.',
    supportsDryRun: true,
    schema: {
      input: {
        url: z =>
          z
            .string()
            .url()
            .optional()
            .describe('URL of the published catalog-info.yaml'),
        path: z =>
          z
            .string()
            .optional()
            .describe('Absolute path of a local catalog-info.yaml'),
      },
      output: {
        entityRef: z =>
          z.string().optional().describe('The first entity the file holds'),
      },
    },
    async handler(ctx) {
      const location = locationOf(ctx.input);
      if (ctx.isDryRun) {
        ctx.logger.info(`Would register ${location.target} in the catalog`);
        return;
      }
      if (location.type === 'file' && !existsSync(location.target)) {
        throw new InputError(`${location.target} does not exist`);
      }
      const credentials = await options.auth.getOwnServiceCredentials();
      const result = await options.catalog.addLocation(location, {
        credentials,
      });
      const entity = result.entities[0];
      if (entity) {
        const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }`.toLowerCase();
        ctx.logger.info(`Registered ${location.target}: ${ref}`);
        ctx.output('entityRef', ref);
      }
    },
  });
}

function locationOf(input: { url?: string; path?: string }): {
  type: 'url' | 'file';
  target: string;
} {
  if ((input.url === undefined) === (input.path === undefined)) {
    throw new InputError('give either url or path, not both or neither');
  }
  if (input.url !== undefined) {
    if (!/^https?:\/\//.test(input.url)) {
      throw new InputError(`url must be http(s), not '${input.url}'`);
    }
    return { type: 'url', target: input.url };
  }
  if (!isAbsolute(input.path!)) {
    throw new InputError(`path must be absolute, not '${input.path}'`);
  }
  return { type: 'file', target: input.path! };
}
