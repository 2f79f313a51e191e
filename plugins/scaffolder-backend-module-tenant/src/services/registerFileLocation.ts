import { InputError } from '@backstage/errors';
import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';

/**
 * `catalog:register:file`: registers a catalog-info.yaml on this machine as
 * a `file` location (what catalog:register does for URLs). It registers with
 * the scaffolder's own credentials: creating locations is an admin
 * permission in this portal, and the file is the one this task just
 * published, not one the user points at.
 */
export function createRegisterFileLocationAction(options: {
  catalog: CatalogService;
  auth: AuthService;
}) {
  return createTemplateAction({
    id: 'catalog:register:file',
    description:
      'Registers a local catalog-info.yaml in the catalog as a file location.',
    supportsDryRun: true,
    schema: {
      input: {
        path: z =>
          z.string().describe('Absolute path of the catalog-info.yaml'),
      },
      output: {
        entityRef: z =>
          z.string().optional().describe('The first entity the file holds'),
      },
    },
    async handler(ctx) {
      const { path } = ctx.input;
      if (!isAbsolute(path)) {
        throw new InputError(`path must be absolute, not '${path}'`);
      }
      if (ctx.isDryRun) {
        ctx.logger.info(`Would register ${path} in the catalog`);
        return;
      }
      if (!existsSync(path)) {
        throw new InputError(`${path} does not exist`);
      }
      const credentials = await options.auth.getOwnServiceCredentials();
      const result = await options.catalog.addLocation(
        { type: 'file', target: path },
        { credentials },
      );
      const entity = result.entities[0];
      if (entity) {
        const ref = `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
          entity.metadata.name
        }`.toLowerCase();
        ctx.logger.info(`Registered ${path}: ${ref}`);
        ctx.output('entityRef', ref);
      }
    },
  });
}
