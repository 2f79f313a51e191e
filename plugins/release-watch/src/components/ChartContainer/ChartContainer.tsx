import { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';

/** Charts start this wide until the browser has measured their container. */
const INITIAL_WIDTH = 640;

/**
 * A chart as wide as its container and `height` pixels high, labelled for
 * assistive technology. Charts render at {@link INITIAL_WIDTH} where the
 * container cannot be measured (no ResizeObserver, as in tests).
 */
export const ChartContainer = (props: {
  label: string;
  height: number;
  children: ReactNode;
}) => {
  const { label, height, children } = props;
  return (
    <div role="figure" aria-label={label}>
      <ResponsiveContainer
        width="100%"
        height={height}
        initialDimension={{ width: INITIAL_WIDTH, height }}
      >
        {children}
      </ResponsiveContainer>
    </div>
  );
};
