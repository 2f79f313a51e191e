export { reviewEnvsPlugin as default } from './plugin';
export { reviewEnvsApiRef } from './api/ReviewEnvsApi';
export type { ReviewEnvsApi } from './api/ReviewEnvsApi';
export { ReviewEnvsClient } from './api/ReviewEnvsClient';
