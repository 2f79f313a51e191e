import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  REVIEW_ENVIRONMENT_RESOURCE_TYPE,
  ReviewEnvironment,
} from '@internal/plugin-review-envs-common';
import { z } from 'zod';
import { isAuthor } from '../environments/isAuthor';

/** What a condition on review environments filters by; no list is filtered yet. */
export type ReviewEnvironmentQuery = { author: string };

/** Review environments, as the permission framework refers to one: by id. */
export const reviewEnvironmentResourceRef = createPermissionResourceRef<
  ReviewEnvironment,
  ReviewEnvironmentQuery
>().with({
  pluginId: 'review-envs',
  resourceType: REVIEW_ENVIRONMENT_RESOURCE_TYPE,
});

/**
 * The environment is of a pull request `userEntityRef` wrote
 * (`user:default/<login>`, ignoring case), as the portal's policy asks for
 * `review-envs.environment.seed`.
 */
export const isPullRequestAuthor = createPermissionRule({
  name: 'IS_PULL_REQUEST_AUTHOR',
  description: "Allow the author of the environment's pull request",
  resourceRef: reviewEnvironmentResourceRef,
  paramsSchema: z.object({
    userEntityRef: z
      .string()
      .describe('The user, e.g. user:default/ada for the git login ada'),
  }),
  apply: (environment, { userEntityRef }) =>
    isAuthor(userEntityRef, environment.author),
  toQuery: ({ userEntityRef }) => ({ author: userEntityRef }),
});

/**
 * For permission policies: `reviewEnvsConditions.isPullRequestAuthor({
 * userEntityRef })` and the decision that makes of it.
 */
export const {
  conditions: reviewEnvsConditions,
  createConditionalDecision: createReviewEnvsConditionalDecision,
} = createConditionExports({
  pluginId: 'review-envs',
  resourceType: REVIEW_ENVIRONMENT_RESOURCE_TYPE,
  rules: { isPullRequestAuthor },
});
