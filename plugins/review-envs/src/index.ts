export { reviewEnvsPlugin as default } from './plugin';
