import { ResourceEntityV1alpha1 } from '@backstage/catalog-model';
import { ReviewEnvironment } from '@internal/plugin-review-envs-common';

export const REVIEW_ENVIRONMENT_LOCATION = 'review-envs:environments';

/**
 * A review environment as a catalog Resource: owned by the pull request's
 * author (the catalog User named as their GitHub login), a dependency of the
 * component it deploys, linked to where it serves.
 */
export function reviewEnvironmentEntity(
  environment: ReviewEnvironment,
  componentRef: string | undefined,
): ResourceEntityV1alpha1 {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: environment.id,
      title: `${environment.repository} #${environment.pullRequest}: ${environment.title}`,
      description: `Review environment of pull request #${environment.pullRequest} (${environment.branch}), ${environment.state}.`,
      annotations: {
        'backstage.io/managed-by-location': REVIEW_ENVIRONMENT_LOCATION,
        'backstage.io/managed-by-origin-location': REVIEW_ENVIRONMENT_LOCATION,
        'github.com/project-slug': environment.repository,
      },
      tags: ['review-environment', environment.state],
      links: environment.url
        ? [{ url: environment.url, title: 'Review environment' }]
        : [],
    },
    spec: {
      type: 'review-environment',
      owner: `user:default/${environment.author.toLocaleLowerCase('en-US')}`,
      ...(componentRef ? { dependencyOf: [componentRef] } : {}),
    },
  };
}
