import { createFrontendModule } from '@backstage/frontend-plugin-api';
import {
  HomePageLayoutBlueprint,
  HomePageWidgetBlueprint,
} from '@backstage/plugin-home-react/alpha';

const ownedEntitiesWidget = HomePageWidgetBlueprint.make({
  name: 'owned-entities',
  params: {
    name: 'OwnedEntities',
    title: 'Owned by you',
    description: 'The catalog entities you or your groups own',
    components: () =>
      import('./OwnedEntities').then(m => ({ Content: m.OwnedEntities })),
  },
});

const homeLayout = HomePageLayoutBlueprint.make({
  params: {
    loader: () => import('./PortalHomeLayout').then(m => m.PortalHomeLayout),
  },
});

/** The home page's layout and its catalog widget; the plugins add theirs. */
export const homeModule = createFrontendModule({
  pluginId: 'home',
  extensions: [homeLayout, ownedEntitiesWidget],
});
