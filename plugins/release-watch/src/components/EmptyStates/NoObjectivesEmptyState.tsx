import { EmptyState } from '@backstage/core-components';

/** No objectives for the scope: where they are declared. */
export const NoObjectivesEmptyState = () => (
  <EmptyState
    missing="info"
    title="No objectives for this scope"
    description={
      <>
        Declare objectives under <code>releaseWatch.okrs</code> in the app
        config, or in a component&apos;s <code>release-watch.io/okrs</code>{' '}
        annotation. Their numbers come from events pushed to{' '}
        <code>POST /api/release-watch/events</code>.
      </>
    }
  />
);
