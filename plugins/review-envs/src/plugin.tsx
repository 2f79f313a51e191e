import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { backendClientApi } from '@internal/frontend-plugin-utils';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { reviewEnvsApiRef } from './api/ReviewEnvsApi';
import { ReviewEnvsClient } from './api/ReviewEnvsClient';
import { rootRouteRef } from './routes';

export const reviewEnvsApi = backendClientApi(
  reviewEnvsApiRef,
  ReviewEnvsClient,
);

export const reviewEnvsPage = PageBlueprint.make({
  params: {
    path: '/review-envs',
    title: 'Review Environments',
    icon: <CloudQueueIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReviewEnvsPage').then(m => <m.ReviewEnvsPage />),
  },
});

/** A "Review environments" tab on components that name their GitHub repository. */
export const reviewEnvsEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/review-environments',
    title: 'Review environments',
    filter: entity =>
      entity.kind === 'Component' &&
      Boolean(entity.metadata.annotations?.['github.com/project-slug']),
    loader: () =>
      import('./components/EntityReviewEnvironmentsContent').then(m => (
        <m.EntityReviewEnvironmentsContent />
      )),
  },
});

/** On the home page: the shared environments' locks and the user's own review environments. */
export const reviewEnvsHomeWidget = HomePageWidgetBlueprint.make({
  name: 'environments',
  params: {
    name: 'ReviewEnvironments',
    title: 'Staging and your review environments',
    description:
      "The shared environments' locks, with claim and release, and your review environments",
    components: () =>
      import('./components/ReviewEnvsHomeWidget').then(m => ({
        Content: m.ReviewEnvsHomeWidget,
      })),
  },
});

export const reviewEnvsPlugin = createFrontendPlugin({
  pluginId: 'review-envs',
  title: 'Review Environments',
  extensions: [
    reviewEnvsApi,
    reviewEnvsPage,
    reviewEnvsEntityContent,
    reviewEnvsHomeWidget,
  ],
  routes: { root: rootRouteRef },
});
