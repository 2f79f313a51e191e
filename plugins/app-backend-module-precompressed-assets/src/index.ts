export { appModulePrecompressedAssets as default } from './module';
export { PrecompressedAssets } from './PrecompressedAssets';
export { createPrecompressedAssetsHandler } from './createPrecompressedAssetsHandler';
