import { Content, Header, Page } from '@backstage/core-components';
import { HomePageLayoutProps } from '@backstage/plugin-home-react/alpha';
import Grid from '@material-ui/core/Grid';
import { useProductName } from '../theme/useProductName';

/** The widgets of the four jobs first, in this order; any other after them. */
const ORDER = [
  'HomePageSearchBar',
  'OwnedEntities',
  'Tenants',
  'ReleaseWatchObjectives',
  'ReviewEnvironments',
];

const rank = (name?: string) => {
  const index = ORDER.indexOf(name ?? '');
  return index === -1 ? ORDER.length : index;
};

/**
 * The home page: the portal's name, the search bar across the top, then a
 * card for each job, two to a row on wide screens, each a region named by
 * its title (the cards' own titles are not headings).
 */
export const PortalHomeLayout = ({ widgets }: HomePageLayoutProps) => {
  const title = useProductName();
  const sorted = [...widgets].sort((a, b) => rank(a.name) - rank(b.name));
  return (
    <Page themeId="home">
      <Header
        title={title}
        subtitle="Find software, create tenants and services, follow the objectives, share staging"
      />
      <Content>
        <Grid container spacing={3}>
          {sorted.map((widget, index) => (
            <Grid
              item
              xs={12}
              md={widget.name === 'HomePageSearchBar' ? 12 : 6}
              key={widget.name ?? index}
              component="section"
              aria-label={widget.title}
            >
              {widget.component}
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
};
