import Box from '@material-ui/core/Box';
import { ReportQuery } from '../../api/ReleaseWatchApi';
import { DoraSummary } from '../DoraSummary';
import { OkrSection } from '../OkrSection';
import { ReleasesSection } from '../ReleasesSection';

/** Everything Release Watch reports for one scope and range: the DORA summary, objectives, then releases. */
export const ReleaseWatchReport = (props: { query: ReportQuery }) => {
  const { query } = props;
  return (
    <>
      <Box mb={4}>
        <DoraSummary query={query} />
      </Box>
      <OkrSection query={query} />
      <Box mt={4}>
        <ReleasesSection query={query} />
      </Box>
    </>
  );
};
