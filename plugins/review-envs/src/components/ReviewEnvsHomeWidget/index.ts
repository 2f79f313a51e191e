export { ReviewEnvsHomeWidget } from './ReviewEnvsHomeWidget';
