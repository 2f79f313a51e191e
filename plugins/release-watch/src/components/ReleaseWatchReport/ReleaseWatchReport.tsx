import Box from '@material-ui/core/Box';
import { ReportQuery } from '../../api/ReleaseWatchApi';
import { OkrSection } from '../OkrSection';
import { ReleasesSection } from '../ReleasesSection';

/** Everything Release Watch reports for one scope and range: objectives, then releases. */
export const ReleaseWatchReport = (props: { query: ReportQuery }) => {
  const { query } = props;
  return (
    <>
      <OkrSection query={query} />
      <Box mt={4}>
        <ReleasesSection query={query} />
      </Box>
    </>
  );
};
