import {
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { BAND_EDITION } from '@internal/plugin-release-watch-common';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { RangeQuery, ScopeQuery } from '../../api/ReleaseWatchApi';
import { useSummary } from '../../hooks/useSummary';
import { KeyFigure } from './KeyFigure';

/** The five DORA keys of a scope over a range: value, band and trend of each. */
export const DoraSummary = (props: {
  query: ScopeQuery & RangeQuery;
  /** Beside the title, e.g. a link. */
  action?: ReactNode;
}) => {
  const { query, action } = props;
  const { value, loading, error } = useSummary(query);

  return (
    <section aria-label="DORA summary" aria-busy={loading}>
      <ContentHeader title="DORA summary">{action}</ContentHeader>
      {loading && <Progress />}
      {error && !loading && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Box
            component="ul"
            display="grid"
            gridGap={16}
            p={0}
            m={0}
            style={{
              listStyle: 'none',
              gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
            }}
          >
            {value.keys.map(key => (
              <KeyFigure key={key.metric} figure={key} />
            ))}
          </Box>
          <Typography variant="caption" color="textSecondary" component="p">
            Over {value.from} to {value.to}. Bands from the {BAND_EDITION};
            arrows compare the last 28 days with the 28 before.
          </Typography>
        </>
      )}
    </section>
  );
};
