/** The value at rank ceil(p·n) of sorted values. */
export function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) {
    return null;
  }
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Q3 + 1.5 IQR: the usual fence past which a value is an outlier. */
export function upperFence(sorted: number[]): number | null {
  if (sorted.length < 4) {
    return null;
  }
  const q1 = nearestRank(sorted, 0.25)!;
  const q3 = nearestRank(sorted, 0.75)!;
  return q3 + 1.5 * (q3 - q1);
}
