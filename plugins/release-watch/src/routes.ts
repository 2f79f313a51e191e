import {
  createRouteRef,
  createSubRouteRef,
} from '@backstage/frontend-plugin-api';

export const rootRouteRef = createRouteRef();

/** Teams side by side: `/release-watch/teams`. */
export const teamsRouteRef = createSubRouteRef({
  parent: rootRouteRef,
  path: '/teams',
});
