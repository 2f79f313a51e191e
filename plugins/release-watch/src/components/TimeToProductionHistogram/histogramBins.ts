import { formatNumber } from '../../format/formatValue';

/** Bin widths in hours that read well on an axis: quarter hours up to weeks. */
const NICE_WIDTHS = [
  0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 24, 48, 72, 168, 336, 720,
];

/** How many bars at most, so labels stay legible. */
export const MAX_BINS = 12;

export type HistogramBin = {
  /** Lower edge, hours, included. */
  from: number;
  /** Upper edge, hours, excluded. */
  to: number;
  /** `2–4` */
  label: string;
  /** Releases in the bin at or under the target (all of them without a target). */
  withinTarget: number;
  /** Releases in the bin slower than the target. */
  slowerThanTarget: number;
};

/**
 * Equal-width bins from zero that hold every value, at most {@link MAX_BINS}
 * of them, with the releases of each split at the target.
 */
export function histogramBins(
  hours: number[],
  targetHours: number | null = null,
): HistogramBin[] {
  const values = hours
    .filter(value => Number.isFinite(value))
    .map(value => Math.max(0, value));
  if (values.length === 0) {
    return [];
  }
  const largest = Math.max(...values);
  const width =
    NICE_WIDTHS.find(candidate => binIndex(largest, candidate) < MAX_BINS) ??
    Math.ceil(largest / MAX_BINS) + 1;
  const bins: HistogramBin[] = Array.from(
    { length: binIndex(largest, width) + 1 },
    (_, index) => ({
      from: index * width,
      to: (index + 1) * width,
      label: `${formatNumber(index * width)}–${formatNumber(
        (index + 1) * width,
      )}`,
      withinTarget: 0,
      slowerThanTarget: 0,
    }),
  );
  for (const value of values) {
    const bin = bins[binIndex(value, width)];
    if (targetHours !== null && value > targetHours) {
      bin.slowerThanTarget += 1;
    } else {
      bin.withinTarget += 1;
    }
  }
  return bins;
}

function binIndex(value: number, width: number) {
  return Math.floor(value / width);
}
