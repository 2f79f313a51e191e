import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import TimelineIcon from '@material-ui/icons/Timeline';
import { rootRouteRef } from './routes';

export const releaseWatchPage = PageBlueprint.make({
  params: {
    path: '/release-watch',
    title: 'Release Watch',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReleaseWatchPage').then(m => <m.ReleaseWatchPage />),
  },
});

export const releaseWatchPlugin = createFrontendPlugin({
  pluginId: 'release-watch',
  title: 'Release Watch',
  extensions: [releaseWatchPage],
  routes: { root: rootRouteRef },
});
