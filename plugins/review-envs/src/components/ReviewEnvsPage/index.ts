export { ReviewEnvsPage } from './ReviewEnvsPage';
