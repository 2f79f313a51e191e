import { CopyTextButton, EmptyState } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';

// A plain block rather than CodeSnippet: its syntax colours fall short of
// 4.5:1 and its scrolling block cannot be reached by keyboard.
const useStyles = makeStyles(theme => ({
  code: {
    margin: 0,
    padding: theme.spacing(2),
    overflowX: 'auto',
    borderRadius: theme.shape.borderRadius,
    background: theme.palette.type === 'dark' ? '#1e1e1e' : '#eeeeee',
    color: theme.palette.text.primary,
    fontSize: '0.8rem',
  },
}));

const PUSH_EVENTS_EXAMPLE = `curl -X POST "$BACKSTAGE_URL/api/release-watch/events" \\
  -H "Authorization: Bearer $RELEASE_WATCH_PUSH_TOKEN" \\
  -H "Content-Type: application/json" \\
  -d '[
    {"kind": "release", "entityRef": "component:default/web", "version": "1.4.0", "at": "2026-03-24T09:00:00Z"},
    {"kind": "deployment", "entityRef": "component:default/web", "environment": "production",
     "status": "success", "version": "1.4.0", "at": "2026-03-24T11:30:00Z"}
  ]'`;

/** No releases in the range: how to get release and deployment events in. */
export const NoReleasesEmptyState = () => {
  const classes = useStyles();
  return (
    <EmptyState
      missing="data"
      title="No releases in this range"
      description={
        <>
          Release Watch measures the events it receives. Push release and
          deployment events from CI to{' '}
          <code>POST /api/release-watch/events</code> (JSON or NDJSON, with a
          service token), or configure the GitHub or local git source of the
          backend.
        </>
      }
      action={
        <Box display="flex" alignItems="flex-start" gridGap={8}>
          <pre
            className={classes.code}
            // A block that scrolls must be reachable by keyboard to scroll.
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            tabIndex={0}
            aria-label="Example: pushing events with curl"
          >
            {PUSH_EVENTS_EXAMPLE}
          </pre>
          <CopyTextButton
            text={PUSH_EVENTS_EXAMPLE}
            aria-label="Copy the example"
          />
        </Box>
      }
    />
  );
};
