import { OkrStatus, SeriesPoint } from '@internal/plugin-release-watch-common';

const DAY_MS = 86_400_000;

const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Where the straight line from baseline (at start) to target (at due) stands on `date`. */
export function expectedOn(
  okr: { baseline: number; target: number; startDate: string; dueDate: string },
  date: string,
): number {
  const start = day(okr.startDate);
  const due = day(okr.dueDate);
  const at = day(date);
  if (due <= start || at >= due) {
    return okr.target;
  }
  if (at <= start) {
    return okr.baseline;
  }
  return (
    okr.baseline + ((okr.target - okr.baseline) * (at - start)) / (due - start)
  );
}

/**
 * The least-squares line through the periods with data, extended to `dueDate`;
 * undefined with fewer than three such periods (too little to call a trend).
 */
export function forecastOn(
  points: SeriesPoint[],
  dueDate: string,
): number | undefined {
  const known = points.filter(p => p.value !== null && p.count > 0);
  if (known.length < 3) {
    return undefined;
  }
  const xs = known.map(p => day(p.periodStart));
  const ys = known.map(p => p.value!);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, i) => {
    covariance += (x - meanX) * (ys[i] - meanY);
    variance += (x - meanX) ** 2;
  });
  const slope = variance === 0 ? 0 : covariance / variance;
  return meanY + slope * (day(dueDate) - meanX);
}

/** Better or equal, in the metric's direction. */
export function meets(value: number, goal: number, lowerIsBetter: boolean) {
  return lowerIsBetter ? value <= goal : value >= goal;
}

/**
 * On track when the trend reaches the target by its date; without a trend,
 * when the current value is at or ahead of the trajectory.
 */
export function okrStatus(options: {
  current: number | null;
  expectedNow: number | null;
  forecastAtDue: number | null;
  target: number;
  lowerIsBetter: boolean;
}): OkrStatus {
  const { current, expectedNow, forecastAtDue, target, lowerIsBetter } =
    options;
  if (current === null) {
    return 'no-data';
  }
  const onCourse =
    forecastAtDue !== null
      ? meets(forecastAtDue, target, lowerIsBetter)
      : expectedNow === null || meets(current, expectedNow, lowerIsBetter);
  return onCourse ? 'on-track' : 'off-course';
}
