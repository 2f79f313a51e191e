import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';

const LIMIT = 10;

/**
 * The catalog entities the signed-in user or one of their groups owns,
 * services first.
 */
export const OwnedEntities = () => {
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const { value, loading, error } = useAsync(async () => {
    const { ownershipEntityRefs } = await identityApi.getBackstageIdentity();
    const { items, totalItems } = await catalogApi.queryEntities({
      filter: { 'relations.ownedBy': ownershipEntityRefs },
      orderFields: [
        { field: 'kind', order: 'asc' },
        { field: 'metadata.name', order: 'asc' },
      ],
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      limit: LIMIT,
    });
    return { items, totalItems };
  }, [catalogApi, identityApi]);

  if (loading) return <Progress />;
  if (error) return <ResponseErrorPanel error={error} />;
  if (!value || value.items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        Nothing in the catalog is owned by you or your groups yet.
      </Typography>
    );
  }
  return (
    <>
      <ul aria-label="Owned by you">
        {value.items.map(entity => (
          <li
            key={`${entity.kind}:${entity.metadata.namespace}/${entity.metadata.name}`}
          >
            <EntityRefLink entityRef={entity} />{' '}
            <Typography variant="caption" color="textSecondary">
              {entity.kind}
            </Typography>
          </li>
        ))}
      </ul>
      {value.totalItems > LIMIT && (
        <Typography variant="body2" color="textSecondary">
          and {value.totalItems - LIMIT} more in the catalog
        </Typography>
      )}
    </>
  );
};
