import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { reviewEnvsApiRef } from './api/ReviewEnvsApi';
import { ReviewEnvsClient } from './api/ReviewEnvsClient';
import { rootRouteRef } from './routes';

export const reviewEnvsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: reviewEnvsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ReviewEnvsClient({ discoveryApi, fetchApi }),
    }),
});

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

export const reviewEnvsPlugin = createFrontendPlugin({
  pluginId: 'review-envs',
  title: 'Review Environments',
  extensions: [reviewEnvsApi, reviewEnvsPage],
  routes: { root: rootRouteRef },
});
