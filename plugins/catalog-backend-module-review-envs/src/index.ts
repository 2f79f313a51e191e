export { catalogModuleReviewEnvs as default } from './module';
export { ReviewEnvironmentEntityProvider } from './ReviewEnvironmentEntityProvider';
