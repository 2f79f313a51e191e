import {
  createFrontendPlugin,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { backendClientApi } from '@internal/frontend-plugin-utils';
import TimelineIcon from '@material-ui/icons/Timeline';
import { releaseWatchApiRef } from './api/ReleaseWatchApi';
import { ReleaseWatchClient } from './api/ReleaseWatchClient';
import { rootRouteRef, teamsRouteRef } from './routes';

export const releaseWatchApi = backendClientApi(
  releaseWatchApiRef,
  ReleaseWatchClient,
);

export const releaseWatchPage = PageBlueprint.make({
  params: {
    path: '/release-watch',
    title: 'Release Watch',
    icon: <TimelineIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ReleaseWatchRoutes').then(m => (
        <m.ReleaseWatchRoutes />
      )),
  },
});

/** A "Release Watch" tab on components: their objectives, charts and releases. */
export const releaseWatchEntityContent = EntityContentBlueprint.make({
  params: {
    path: '/release-watch',
    title: 'Release Watch',
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'component',
    loader: () =>
      import('./components/EntityReleaseWatchContent').then(m => (
        <m.EntityReleaseWatchContent />
      )),
  },
});

/** A "DORA" tab on groups: the team's five keys with bands and trends. */
export const releaseWatchTeamContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: '/dora',
    title: 'DORA',
    filter: entity => entity.kind.toLocaleLowerCase('en-US') === 'group',
    loader: () =>
      import('./components/EntityTeamContent').then(m => (
        <m.EntityTeamContent />
      )),
  },
});

/** On the home page: the objectives in brief, each with its status. */
export const releaseWatchHomeWidget = HomePageWidgetBlueprint.make({
  name: 'objectives',
  params: {
    name: 'ReleaseWatchObjectives',
    title: 'Objectives',
    description:
      'Each delivery objective, its target and whether it is on track',
    components: () =>
      import('./components/OkrHomeWidget').then(m => ({
        Content: m.OkrHomeWidget,
      })),
  },
});

export const releaseWatchPlugin = createFrontendPlugin({
  pluginId: 'release-watch',
  title: 'Release Watch',
  extensions: [
    releaseWatchApi,
    releaseWatchPage,
    releaseWatchEntityContent,
    releaseWatchTeamContent,
    releaseWatchHomeWidget,
  ],
  routes: { root: rootRouteRef, teams: teamsRouteRef },
});
