import { OkrReport } from '@internal/plugin-release-watch-common';
import { dayToTime } from '../../format/formatDate';

/** One period of an OKR chart. */
export type OkrChartRow = {
  /** Start of the period: milliseconds since the epoch, midnight UTC. */
  time: number;
  /** The period's figure; null when nothing was measured in it. */
  value: number | null;
  /** Measurements in the period. */
  count: number;
  /** Where the straight line from baseline to target stands at the period; null outside it. */
  trajectory: number | null;
};

export type OkrChartData = {
  /** The measured periods, each with where the trajectory stands. */
  rows: OkrChartRow[];
  /** The trajectory's two ends: baseline at the start date, target at the due date. */
  trajectory: Array<{ time: number; trajectory: number }>;
  /** The time axis: from the earlier of the first period and the start to the later of the last period and the due date. */
  domain: [number, number];
};

/** What an OKR chart draws: the measured periods and the trajectory from baseline to target. */
export function okrChartData(report: OkrReport): OkrChartData {
  const { okr, points } = report;
  const start = dayToTime(okr.startDate);
  const due = dayToTime(okr.dueDate);
  const trajectoryAt = (time: number) => {
    if (time < start || time > due || due <= start) {
      return null;
    }
    return (
      okr.baseline +
      ((okr.target - okr.baseline) * (time - start)) / (due - start)
    );
  };

  const rows = points.map(point => {
    const time = dayToTime(point.periodStart);
    return {
      time,
      value: point.value,
      count: point.count,
      trajectory: trajectoryAt(time),
    };
  });
  const times = [start, due, ...rows.map(row => row.time)];
  return {
    rows,
    trajectory: [
      { time: start, trajectory: okr.baseline },
      { time: due, trajectory: okr.target },
    ],
    domain: [Math.min(...times), Math.max(...times)],
  };
}
