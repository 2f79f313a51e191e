import Box from '@material-ui/core/Box';
import { ReactNode } from 'react';

/** The row of filters above a report. */
export const FilterBar = (props: { children: ReactNode }) => (
  <Box
    display="flex"
    flexWrap="wrap"
    alignItems="flex-start"
    gridGap={16}
    mb={3}
  >
    {props.children}
  </Box>
);
