export { reviewEnvsPlugin as default } from './plugin';
export {
  createReviewEnvsConditionalDecision,
  reviewEnvsConditions,
} from './permissions/reviewEnvironmentPermissions';
