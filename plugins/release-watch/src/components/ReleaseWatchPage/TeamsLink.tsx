import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/frontend-plugin-api';
import { teamsRouteRef } from '../../routes';

/** To the teams side by side, where the page is mounted with its routes. */
export const TeamsLink = () => {
  const teams = useRouteRef(teamsRouteRef);
  if (!teams) {
    return null;
  }
  return (
    <Link to={teams()} style={{ alignSelf: 'center' }}>
      Teams side by side
    </Link>
  );
};
