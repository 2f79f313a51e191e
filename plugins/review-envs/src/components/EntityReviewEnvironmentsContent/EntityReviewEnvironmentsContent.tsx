import { Content, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePolled } from '../../hooks/usePolled';
import { ReviewEnvironmentsTable } from '../ReviewEnvironmentsTable';

export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/** The review environments of the component's repository (its `github.com/project-slug`). */
export const EntityReviewEnvironmentsContent = () => {
  const { entity } = useEntity();
  const repository = entity.metadata.annotations?.[PROJECT_SLUG_ANNOTATION];
  const { value, loading, error, refresh } = usePolled(api =>
    api.listEnvironments(),
  );
  const environments = (value ?? []).filter(
    env => env.repository === repository,
  );

  return (
    <Content>
      {error && <ResponseErrorPanel error={error} />}
      <ReviewEnvironmentsTable
        environments={environments}
        loading={loading}
        onChange={refresh}
      />
    </Content>
  );
};
