import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { rootRouteRef } from './routes';

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
  extensions: [reviewEnvsPage],
  routes: { root: rootRouteRef },
});
