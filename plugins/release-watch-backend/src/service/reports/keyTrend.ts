import { KeyTrend } from '@internal/plugin-release-watch-common';

/** Changes smaller than this share of the earlier figure are flat. */
export const FLAT_WITHIN = 0.05;

/**
 * Which way a key went from the earlier window to the later one, and
 * whether that is better or worse given which way is good.
 */
export function keyTrend(
  latest: number | null,
  previous: number | null,
  lowerIsBetter: boolean,
): KeyTrend | null {
  if (latest === null || previous === null) {
    return null;
  }
  const change = latest - previous;
  const flat =
    change === 0 ||
    (previous !== 0 && Math.abs(change) < FLAT_WITHIN * Math.abs(previous));
  if (flat) {
    return { latest, previous, direction: 'flat', verdict: 'same' };
  }
  const direction = change > 0 ? 'up' : 'down';
  const better = (direction === 'down') === lowerIsBetter;
  return { latest, previous, direction, verdict: better ? 'better' : 'worse' };
}
