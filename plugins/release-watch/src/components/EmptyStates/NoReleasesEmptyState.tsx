import { CodeSnippet, EmptyState } from '@backstage/core-components';

const PUSH_EVENTS_EXAMPLE = `curl -X POST "$BACKSTAGE_URL/api/release-watch/events" \\
  -H "Authorization: Bearer $RELEASE_WATCH_PUSH_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '[
    {"kind": "release", "entityRef": "component:default/web", "version": "1.4.0", "at": "2026-03-24T09:00:00Z"},
    {"kind": "deployment", "entityRef": "component:default/web", "environment": "production",
     "status": "success", "version": "1.4.0", "at": "2026-03-24T11:30:00Z"}
  ]'`;

/** No releases in the range: how to get release and deployment events in. */
export const NoReleasesEmptyState = () => (
  <EmptyState
    missing="data"
    title="No releases in this range"
    description={
      <>
        Release Watch measures the events it receives. Push release and
        deployment events from CI to <code>POST /api/release-watch/events</code>{' '}
        (JSON or NDJSON, with a service token), or configure the GitHub or local
        git source of the backend.
      </>
    }
    action={
      <CodeSnippet
        language="bash"
        text={PUSH_EVENTS_EXAMPLE}
        showCopyCodeButton
      />
    }
  />
);
