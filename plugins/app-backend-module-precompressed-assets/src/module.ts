import {
  coreServices,
  createBackendModule,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { PrecompressedAssets } from './PrecompressedAssets';
import { createPrecompressedAssetsHandler } from './createPrecompressedAssetsHandler';

/**
 * Sends the app bundle's assets as the Brotli or gzip copies made at build
 * time (`precompress-assets`), ahead of the app backend, which would
 * otherwise compress each one again on every request.
 */
export const appModulePrecompressedAssets = createBackendModule({
  pluginId: 'app',
  moduleId: 'precompressed-assets',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        rootHttpRouter: coreServices.rootHttpRouter,
      },
      async init({ config, logger, rootHttpRouter }) {
        // The same package and folder the app backend serves /static from.
        const appPackageName =
          config.getOptionalString('app.packageName') ?? 'app';
        let staticDir: string;
        try {
          staticDir = resolvePackagePath(appPackageName, 'dist/static');
        } catch {
          logger.info(`No ${appPackageName} package; nothing to serve`);
          return;
        }
        const assets = await PrecompressedAssets.load(staticDir);
        if (!assets) {
          logger.info(
            `No precompressed assets in ${staticDir}; the app backend compresses each request`,
          );
          return;
        }
        logger.info(
          `Serving ${assets.size} precompressed assets from ${staticDir}`,
        );
        rootHttpRouter.use('/static', createPrecompressedAssetsHandler(assets));
      },
    });
  },
});
